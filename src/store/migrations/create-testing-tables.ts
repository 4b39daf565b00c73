import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

/** Staging records, attempts on them, reruns (the retry budget) and flake statistics. */
export async function createTestingTables(db: Kysely<unknown>, types: ColumnTypes): Promise<void> {
  await types
    .addId(db.schema.createTable('staging_record'))
    .addColumn('repo', 'text', (col) => col.notNull())
    .addColumn('base', 'text', (col) => col.notNull())
    .addColumn('base_sha', 'text', (col) => col.notNull())
    .addColumn('ref', 'text', (col) => col.notNull())
    .addColumn('commit_sha', 'text')
    .addColumn('tree_sha', 'text')
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('checks_start_deadline', types.time)
    .addColumn('created_at', types.time, (col) => col.notNull())
    .addColumn('updated_at', types.time, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('staging_record_by_queue')
    .on('staging_record')
    .columns(['repo', 'base'])
    .execute();

  // A child table rather than a JSON list, so "which staging records hold entry 12" is a
  // plain indexed query when batches are bisected.
  await db.schema
    .createTable('staging_pr')
    .addColumn('staging_id', 'integer', (col) => col.notNull().references('staging_record.id'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('entry_id', 'integer', (col) => col.notNull().references('queue_entry.id'))
    .addColumn('number', 'integer', (col) => col.notNull())
    .addColumn('head_sha', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('staging_pr_pk', ['staging_id', 'position'])
    .execute();
  await db.schema.createIndex('staging_pr_by_entry').on('staging_pr').column('entry_id').execute();

  await types
    .addId(db.schema.createTable('attempt'))
    .addColumn('entry_id', 'integer', (col) => col.notNull().references('queue_entry.id'))
    .addColumn('staging_id', 'integer', (col) => col.notNull().references('staging_record.id'))
    .addColumn('started_at', types.time, (col) => col.notNull())
    .addColumn('finished_at', types.time)
    .addColumn('outcome', 'text', (col) => col.notNull())
    .addColumn('failure_class', 'text')
    .addColumn('evidence', types.json, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('attempt_by_entry').on('attempt').column('entry_id').execute();

  // One row per rerun, so the budget can be counted per entry and per repository and day.
  await types
    .addId(db.schema.createTable('rerun'))
    .addColumn('attempt_id', 'integer', (col) => col.notNull().references('attempt.id'))
    .addColumn('entry_id', 'integer', (col) => col.notNull())
    .addColumn('repo', 'text', (col) => col.notNull())
    .addColumn('at', types.time, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('rerun_by_repo_time').on('rerun').columns(['repo', 'at']).execute();
  await db.schema.createIndex('rerun_by_attempt').on('rerun').column('attempt_id').execute();
  await db.schema.createIndex('rerun_by_entry').on('rerun').column('entry_id').execute();

  await db.schema
    .createTable('flake_stat')
    .addColumn('repo', 'text', (col) => col.notNull())
    .addColumn('job', 'text', (col) => col.notNull())
    .addColumn('signature', 'text', (col) => col.notNull())
    .addColumn('count', 'integer', (col) => col.notNull())
    .addColumn('last_seen_at', types.time, (col) => col.notNull())
    .addColumn('last_sha', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('flake_stat_pk', ['repo', 'job', 'signature'])
    .execute();
}
