import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

/**
 * What the orchestrator remembers between reconciles: requests not yet acted on, the id of
 * the `Sluice` check run per PR head (so it is updated, never duplicated), gate verdicts per
 * failing check run, and why a staging commit could not be built or landed.
 */
export async function createOrchestrationTables(
  db: Kysely<unknown>,
  types: ColumnTypes,
): Promise<void> {
  await types
    .addId(db.schema.createTable('queue_command'))
    .addColumn('repo', 'text', (col) => col.notNull())
    .addColumn('base', 'text', (col) => col.notNull())
    .addColumn('number', 'integer', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('requested_by', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('requested_at', types.time, (col) => col.notNull())
    .addColumn('consumed_at', types.time)
    .execute();
  await db.schema
    .createIndex('queue_command_pending')
    .on('queue_command')
    .columns(['repo', 'base', 'consumed_at'])
    .execute();

  await db.schema
    .createTable('pr_check_run')
    .addColumn('repo', 'text', (col) => col.notNull())
    .addColumn('number', 'integer', (col) => col.notNull())
    .addColumn('head_sha', 'text', (col) => col.notNull())
    .addColumn('check_run_id', 'integer', (col) => col.notNull())
    .addColumn('fingerprint', 'text', (col) => col.notNull())
    .addColumn('updated_at', types.time, (col) => col.notNull())
    .addPrimaryKeyConstraint('pr_check_run_pk', ['repo', 'number', 'head_sha'])
    .execute();

  await db.schema
    .createTable('gate_verdict')
    .addColumn('staging_id', 'integer', (col) => col.notNull())
    .addColumn('check_run_id', 'text', (col) => col.notNull())
    .addColumn('check_name', 'text', (col) => col.notNull())
    .addColumn('class', 'text', (col) => col.notNull())
    .addColumn('verdict', types.json, (col) => col.notNull())
    .addColumn('rerun_at', types.time)
    .addColumn('created_at', types.time, (col) => col.notNull())
    .addPrimaryKeyConstraint('gate_verdict_pk', ['staging_id', 'check_run_id'])
    .execute();

  await db.schema.alterTable('staging_record').addColumn('failure', types.json).execute();
}
