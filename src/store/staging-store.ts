import type { Kysely, Selectable } from 'kysely';
import { readEnum, readOptionalTime, writeJson, writeTime, type Codec } from './codec.js';
import { StoreError } from './errors.js';
import type { StagedPullRequest, StagingRecord, StagingState } from './records.js';
import type { StoreSchema } from './schema.js';
import type { StoreDatabase } from './store-database.js';
import type { StagingStore } from './types.js';

const stagingStates: readonly StagingState[] = [
  'building',
  'testing',
  'passed',
  'failed',
  'landing',
  'landed',
  'abandoned',
];

type StagingRow = Selectable<StoreSchema['staging_record']>;

function toRecord(codec: Codec, row: StagingRow, prs: StagedPullRequest[]): StagingRecord {
  return {
    id: row.id,
    repo: row.repo,
    base: row.base,
    baseSha: row.base_sha,
    prs,
    ref: row.ref,
    commitSha: row.commit_sha,
    treeSha: row.tree_sha,
    state: readEnum(row.state, stagingStates, 'staging_record.state'),
    checksStartDeadline: readOptionalTime(codec, row.checks_start_deadline),
    failure: row.failure === null || row.failure === undefined ? null : codec.readJson(row.failure),
    createdAt: codec.readTime(row.created_at),
    updatedAt: codec.readTime(row.updated_at),
  };
}

/** Attaches each record's PRs, in merge order, with one query for the whole list. */
async function withPullRequests(
  db: Kysely<StoreSchema>,
  codec: Codec,
  rows: StagingRow[],
): Promise<StagingRecord[]> {
  if (rows.length === 0) return [];
  const prs = await db
    .selectFrom('staging_pr')
    .selectAll()
    .where(
      'staging_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('staging_id')
    .orderBy('position')
    .execute();
  return rows.map((row) =>
    toRecord(
      codec,
      row,
      prs
        .filter((pr) => pr.staging_id === row.id)
        .map((pr) => ({ entryId: pr.entry_id, number: pr.number, headSha: pr.head_sha })),
    ),
  );
}

export function createStagingStore({ db, codec }: StoreDatabase): StagingStore {
  const one = async (row: StagingRow | undefined) =>
    row && (await withPullRequests(db, codec, [row]))[0];

  return {
    create: (staging) =>
      db.transaction().execute(async (trx) => {
        if (staging.prs.length === 0) throw new StoreError('A staging record needs a PR.');
        const now = writeTime(staging.now);
        const deadline = staging.checksStartDeadline;
        const row = await trx
          .insertInto('staging_record')
          .values({
            repo: staging.repo,
            base: staging.base,
            base_sha: staging.baseSha,
            ref: staging.ref,
            commit_sha: null,
            tree_sha: null,
            state: 'building',
            checks_start_deadline: deadline === undefined ? null : writeTime(deadline),
            failure: null,
            created_at: now,
            updated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const prs = staging.prs.map((pr, position) => ({
          staging_id: row.id,
          position,
          entry_id: pr.entryId,
          number: pr.number,
          head_sha: pr.headSha,
        }));
        await trx.insertInto('staging_pr').values(prs).execute();
        return toRecord(codec, row, staging.prs);
      }),
    get: async (id) =>
      one(
        await db.selectFrom('staging_record').selectAll().where('id', '=', id).executeTakeFirst(),
      ),
    async list(query) {
      let select = db
        .selectFrom('staging_record')
        .selectAll()
        .where('repo', '=', query.repo)
        .where('base', '=', query.base);
      if (query.states !== undefined) {
        // An empty filter asks for nothing; `in ()` is a syntax error on PostgreSQL.
        if (query.states.length === 0) return [];
        select = select.where('state', 'in', query.states);
      }
      return withPullRequests(db, codec, await select.orderBy('id').execute());
    },
    async update({ id, now, changes }) {
      const { checksStartDeadline: deadline } = changes;
      const row = await db
        .updateTable('staging_record')
        .set({
          ...(changes.state !== undefined && { state: changes.state }),
          ...(changes.commitSha !== undefined && { commit_sha: changes.commitSha }),
          ...(changes.treeSha !== undefined && { tree_sha: changes.treeSha }),
          ...(deadline !== undefined && {
            checks_start_deadline: deadline === null ? null : writeTime(deadline),
          }),
          ...(changes.failure !== undefined && {
            failure: changes.failure === null ? null : writeJson(changes.failure),
          }),
          updated_at: writeTime(now),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      const record = await one(row);
      if (record === undefined) throw new StoreError(`No staging record ${id}.`);
      return record;
    },
  };
}
