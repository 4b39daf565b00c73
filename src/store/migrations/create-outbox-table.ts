import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

/**
 * The outbox of what Sluice tells people (comments, outcome labels, the `Sluice` check run),
 * written in the transaction of the decision that caused it and delivered afterwards.
 */
export async function createOutboxTable(db: Kysely<unknown>, types: ColumnTypes): Promise<void> {
  await types
    .addId(db.schema.createTable('outbox'))
    .addColumn('repo', 'text', (col) => col.notNull())
    .addColumn('base', 'text', (col) => col.notNull())
    .addColumn('number', 'integer', (col) => col.notNull())
    .addColumn('head_sha', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('payload', types.json, (col) => col.notNull())
    .addColumn('cause', 'text', (col) => col.notNull())
    .addColumn('entry_id', 'integer')
    .addColumn('dedupe_key', 'text', (col) => col.notNull().unique())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', types.time, (col) => col.notNull())
    .addColumn('updated_at', types.time, (col) => col.notNull())
    .addColumn('delivered_at', types.time)
    .execute();
  await db.schema
    .createIndex('outbox_by_queue_state')
    .on('outbox')
    .columns(['repo', 'base', 'state'])
    .execute();
  await db.schema
    .createIndex('outbox_by_pr_head')
    .on('outbox')
    .columns(['repo', 'number', 'head_sha'])
    .execute();
}
