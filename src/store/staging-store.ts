import type { Kysely, Selectable } from 'kysely';
import { readEnum, readOptionalTime, writeJson, writeTime, type Codec } from './codec.js';
import { StoreError } from './errors.js';
import {
  endedStagingStates,
  liveStagingStates,
  type Json,
  type StagedPullRequest,
  type StagingChanges,
  type StagingRecord,
  type StagingState,
} from './records.js';
import type { StoreSchema } from './schema.js';
import type { StoreDatabase } from './store-database.js';
import type { StagingStore } from './types.js';

const stagingStates: readonly StagingState[] = [...liveStagingStates, ...endedStagingStates];

type StagingRow = Selectable<StoreSchema['staging_record']>;
type StagedRow = Selectable<StoreSchema['staging_pr']>;

function readOptionalJson(codec: Codec, value: unknown): Json {
  return value === null || value === undefined ? null : codec.readJson(value);
}

function writeOptionalJson(value: Json): string | null {
  return value === null ? null : writeJson(value);
}

function toRecord(codec: Codec, row: StagingRow, prs: StagedPullRequest[]): StagingRecord {
  return {
    id: row.id,
    repo: row.repo,
    base: row.base,
    baseSha: row.base_sha,
    prs,
    ref: row.ref,
    position: row.position,
    probe: Number(row.probe) === 1,
    commitSha: row.commit_sha,
    treeSha: row.tree_sha,
    state: readEnum(row.state, stagingStates, 'staging_record.state'),
    checksStartDeadline: readOptionalTime(codec, row.checks_start_deadline),
    failure: readOptionalJson(codec, row.failure),
    verdicts: readOptionalJson(codec, row.verdicts),
    createdAt: codec.readTime(row.created_at),
    updatedAt: codec.readTime(row.updated_at),
  };
}

function toStagedPull(row: StagedRow): StagedPullRequest {
  return {
    entryId: row.entry_id,
    number: row.number,
    headSha: row.head_sha,
    commitSha: row.commit_sha,
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
    toRecord(codec, row, prs.filter((pr) => pr.staging_id === row.id).map(toStagedPull)),
  );
}

/** The record's own columns that the changes set; `updated_at` is always among them. */
function recordColumns(changes: StagingChanges, now: Date) {
  const { checksStartDeadline: deadline } = changes;
  return {
    ...(changes.state !== undefined && { state: changes.state }),
    ...(changes.commitSha !== undefined && { commit_sha: changes.commitSha }),
    ...(changes.treeSha !== undefined && { tree_sha: changes.treeSha }),
    ...(deadline !== undefined && {
      checks_start_deadline: deadline === null ? null : writeTime(deadline),
    }),
    ...(changes.failure !== undefined && { failure: writeOptionalJson(changes.failure) }),
    ...(changes.verdicts !== undefined && { verdicts: writeOptionalJson(changes.verdicts) }),
    updated_at: writeTime(now),
  };
}

export function createStagingStore({ db, codec }: StoreDatabase): StagingStore {
  const records = (from: Kysely<StoreSchema>) => from.selectFrom('staging_record').selectAll();

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
            position: staging.position ?? null,
            probe: staging.probe ? 1 : 0,
            commit_sha: null,
            tree_sha: null,
            state: 'building',
            checks_start_deadline: deadline === undefined ? null : writeTime(deadline),
            failure: null,
            verdicts: null,
            created_at: now,
            updated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const prs = staging.prs.map((pr) => ({ ...pr, commitSha: pr.commitSha ?? null }));
        await trx
          .insertInto('staging_pr')
          .values(
            prs.map((pr, position) => ({
              staging_id: row.id,
              position,
              entry_id: pr.entryId,
              number: pr.number,
              head_sha: pr.headSha,
              commit_sha: pr.commitSha,
            })),
          )
          .execute();
        return toRecord(codec, row, prs);
      }),
    async get(id) {
      const row = await records(db).where('id', '=', id).executeTakeFirst();
      return row && (await withPullRequests(db, codec, [row]))[0];
    },
    async list(query) {
      let select = records(db).where('repo', '=', query.repo).where('base', '=', query.base);
      if (query.states !== undefined) {
        // An empty filter asks for nothing; `in ()` is a syntax error on PostgreSQL.
        if (query.states.length === 0) return [];
        select = select.where('state', 'in', query.states);
      }
      // Ids are handed out in creation order, which is chain order for live stagings; several
      // stagings built in one reconcile share their `created_at`, so that cannot order them.
      return withPullRequests(db, codec, await select.orderBy('id').execute());
    },
    async listEnded({ repo, base, since, limit }) {
      if (!Number.isInteger(limit) || limit < 0) {
        throw new StoreError(`A history limit must be a whole number, not ${limit}.`);
      }
      if (limit === 0) return [];
      const rows = await records(db)
        .where('repo', '=', repo)
        .where('base', '=', base)
        .where('state', 'in', endedStagingStates)
        .where('created_at', '>=', writeTime(since))
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return withPullRequests(db, codec, rows.reverse());
    },
    update: ({ id, now, changes }) =>
      db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('staging_record')
          .set(recordColumns(changes, now))
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst();
        if (row === undefined) throw new StoreError(`No staging record ${id}.`);
        for (const { number, commitSha } of changes.prCommits ?? []) {
          const { numUpdatedRows } = await trx
            .updateTable('staging_pr')
            .set({ commit_sha: commitSha })
            .where('staging_id', '=', id)
            .where('number', '=', number)
            .executeTakeFirstOrThrow();
          // Throwing rolls the record's changes back too: nothing half-applied.
          if (numUpdatedRows === 0n) {
            throw new StoreError(`Staging record ${id} has no PR #${number}.`);
          }
        }
        return (await withPullRequests(trx, codec, [row]))[0]!;
      }),
  };
}
