import { sql, type Kysely } from 'kysely';
import { activeEntryStates } from '../records.js';
import type { ColumnTypes } from './column-types.js';

export async function createQueueTables(db: Kysely<unknown>, types: ColumnTypes): Promise<void> {
  // One row per queue; bumping it inside the enqueue transaction serialises concurrent
  // enqueues on PostgreSQL (row lock) as well as on SQLite (single writer).
  await db.schema
    .createTable('queue_counter')
    .addColumn('repo', 'text', (col) => col.notNull())
    .addColumn('base', 'text', (col) => col.notNull())
    .addColumn('last_sequence', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('queue_counter_pk', ['repo', 'base'])
    .execute();

  await types
    .addId(db.schema.createTable('queue_entry'))
    .addColumn('repo', 'text', (col) => col.notNull())
    .addColumn('base', 'text', (col) => col.notNull())
    .addColumn('number', 'integer', (col) => col.notNull())
    .addColumn('sequence', 'integer', (col) => col.notNull())
    .addColumn('head_sha', 'text', (col) => col.notNull())
    .addColumn('queued_by', 'text', (col) => col.notNull())
    .addColumn('queued_at', types.time, (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('consecutive_failures', 'integer', (col) => col.notNull())
    .addColumn('retry_count', 'integer', (col) => col.notNull())
    .addColumn('last_failure_class', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('updated_at', types.time, (col) => col.notNull())
    .addUniqueConstraint('queue_entry_sequence_unique', ['repo', 'base', 'sequence'])
    .execute();

  // The database, not a read-then-insert, guarantees one active entry per PR, so two
  // replicas handling the same label event cannot both queue it.
  const active = sql.join(activeEntryStates.map((state) => sql.lit(state)));
  await db.schema
    .createIndex('queue_entry_one_active_per_pr')
    .on('queue_entry')
    .columns(['repo', 'number'])
    .unique()
    .where(sql<boolean>`state in (${active})`)
    .execute();

  await types
    .addId(db.schema.createTable('entry_event'))
    .addColumn('entry_id', 'integer', (col) => col.notNull().references('queue_entry.id'))
    .addColumn('at', types.time, (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('detail', types.json, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('entry_event_by_entry')
    .on('entry_event')
    .column('entry_id')
    .execute();
}
