import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

/** The mutation journal, webhook delivery ids and leases: what keeps replicas and restarts safe. */
export async function createCoordinationTables(
  db: Kysely<unknown>,
  types: ColumnTypes,
): Promise<void> {
  await types
    .addId(db.schema.createTable('mutation_journal'))
    .addColumn('repo', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('target', 'text', (col) => col.notNull())
    .addColumn('expected_old', 'text')
    .addColumn('new_value', 'text')
    .addColumn('idempotency_key', 'text', (col) => col.notNull().unique())
    .addColumn('entry_id', 'integer')
    .addColumn('staging_id', 'integer')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('result', types.json, (col) => col.notNull())
    .addColumn('created_at', types.time, (col) => col.notNull())
    .addColumn('finished_at', types.time)
    .execute();
  await db.schema
    .createIndex('mutation_journal_by_repo_status')
    .on('mutation_journal')
    .columns(['repo', 'status'])
    .execute();

  await db.schema
    .createTable('webhook_delivery')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('received_at', types.time, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_delivery_by_time')
    .on('webhook_delivery')
    .column('received_at')
    .execute();

  await db.schema
    .createTable('lease')
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('holder', 'text', (col) => col.notNull())
    .addColumn('expires_at', types.time, (col) => col.notNull())
    .execute();
}
