import type { Kysely } from 'kysely';

/**
 * Priorities: each entry's (`high`, `normal`, `low`; existing entries are `normal`) and the
 * priority label last seen on its PR, and the priority a queue command asked for. Text, as
 * every state is, checked when read. The queue's order is read from these and `sequence`
 * in the core (`queueOrder`), so no index changes.
 */
export async function addPriorityColumns(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('queue_entry')
    .addColumn('priority', 'text', (col) => col.notNull().defaultTo('normal'))
    .execute();
  await db.schema.alterTable('queue_entry').addColumn('priority_label', 'text').execute();
  await db.schema.alterTable('queue_command').addColumn('priority', 'text').execute();
}
