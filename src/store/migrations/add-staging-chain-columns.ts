import { sql, type Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

/**
 * Batches and speculative chains: several live stagings per queue, each an ordered list of PRs
 * squashed one by one. Each PR keeps its own squash commit (what its head moves to when it
 * lands), each staging its place in line (its branch name), whether it is a probe beside the
 * chain, and the verdicts it was rejected with (a later staging of the same tree is judged by
 * them, without CI).
 */
export async function addStagingChainColumns(
  db: Kysely<unknown>,
  types: ColumnTypes,
): Promise<void> {
  await db.schema.alterTable('staging_pr').addColumn('commit_sha', 'text').execute();
  await db.schema.alterTable('staging_record').addColumn('position', 'integer').execute();
  await db.schema.alterTable('staging_record').addColumn('verdicts', types.json).execute();
  await db.schema
    .alterTable('staging_record')
    // 0/1: SQLite has no boolean to bind.
    .addColumn('probe', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();

  // `failed` used to end a record; it is now a live state (failed, waiting for the stagings
  // ahead), and what ended in failure is `rejected`. Its `failure` says why, as before.
  await sql`update staging_record set state = 'rejected' where state = 'failed'`.execute(db);

  // Live stagings are read on every reconcile and history by time; the records of a queue
  // grow without bound, so neither should scan them all. Both cover the old (repo, base) one.
  await db.schema
    .createIndex('staging_record_by_queue_state')
    .on('staging_record')
    .columns(['repo', 'base', 'state'])
    .execute();
  await db.schema
    .createIndex('staging_record_by_queue_time')
    .on('staging_record')
    .columns(['repo', 'base', 'created_at'])
    .execute();
  await db.schema.dropIndex('staging_record_by_queue').execute();
}
