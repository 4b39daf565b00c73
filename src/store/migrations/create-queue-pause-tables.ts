import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

/**
 * What the operator dashboard needs: a queue an operator paused (one row per paused queue, so
 * the reconcile reads it by primary key on every observation), the queue-level history it
 * shows (pauses and resumes: events that belong to no entry), and ended entries by time.
 */
export async function createQueuePauseTables(
  db: Kysely<unknown>,
  types: ColumnTypes,
): Promise<void> {
  await db.schema
    .createTable('queue_pause')
    .addColumn('repo', 'text', (col) => col.notNull())
    .addColumn('base', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('paused_by', 'text', (col) => col.notNull())
    .addColumn('paused_at', types.time, (col) => col.notNull())
    .addPrimaryKeyConstraint('queue_pause_pk', ['repo', 'base'])
    .execute();

  await types
    .addId(db.schema.createTable('queue_event'))
    .addColumn('repo', 'text', (col) => col.notNull())
    .addColumn('base', 'text', (col) => col.notNull())
    .addColumn('at', types.time, (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('actor', 'text')
    .addColumn('detail', types.json, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('queue_event_by_queue_time')
    .on('queue_event')
    .columns(['repo', 'base', 'at'])
    .execute();

  // The dashboard's history reads a queue's ended entries by time; the entries of a queue grow
  // without bound, and no other index orders them by when they changed.
  await db.schema
    .createIndex('queue_entry_by_queue_time')
    .on('queue_entry')
    .columns(['repo', 'base', 'updated_at'])
    .execute();
}
