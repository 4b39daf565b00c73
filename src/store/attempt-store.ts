import type { ExpressionBuilder, Selectable } from 'kysely';
import { readEnum, readOptionalTime, writeJson, writeTime, type Codec } from './codec.js';
import { StoreError } from './errors.js';
import type { Attempt, AttemptOutcome } from './records.js';
import type { StoreSchema } from './schema.js';
import type { StoreDatabase } from './store-database.js';
import type { AttemptStore } from './types.js';

const outcomes: readonly AttemptOutcome[] = ['running', 'passed', 'failed', 'cancelled'];

// The rerun count is a subquery: bigint (as text) on PostgreSQL, a number on SQLite.
type AttemptRow = Selectable<StoreSchema['attempt']> & { reruns_used: unknown };

function toAttempt(codec: Codec, row: AttemptRow): Attempt {
  return {
    id: row.id,
    entryId: row.entry_id,
    stagingId: row.staging_id,
    startedAt: codec.readTime(row.started_at),
    finishedAt: readOptionalTime(codec, row.finished_at),
    outcome: readEnum(row.outcome, outcomes, 'attempt.outcome'),
    failureClass: row.failure_class,
    evidence: codec.readJson(row.evidence),
    rerunsUsed: Number(row.reruns_used),
  };
}

function rerunsUsed(eb: ExpressionBuilder<StoreSchema, 'attempt'>) {
  return eb
    .selectFrom('rerun')
    .whereRef('rerun.attempt_id', '=', 'attempt.id')
    .select((count) => count.fn.countAll<number>().as('n'))
    .as('reruns_used');
}

/** Counts are bigint on PostgreSQL, which pg returns as text. */
async function count(query: { executeTakeFirstOrThrow(): Promise<{ n: unknown }> }) {
  return Number((await query.executeTakeFirstOrThrow()).n);
}

export function createAttemptStore({ db, codec }: StoreDatabase): AttemptStore {
  const attempts = () => db.selectFrom('attempt').selectAll().select(rerunsUsed);
  const get = async (attemptId: number): Promise<Attempt> => {
    const row = await attempts().where('id', '=', attemptId).executeTakeFirst();
    if (row === undefined) throw new StoreError(`No attempt ${attemptId}.`);
    return toAttempt(codec, row);
  };

  return {
    async start({ entryId, stagingId, now }) {
      const { id } = await db
        .insertInto('attempt')
        .values({
          entry_id: entryId,
          staging_id: stagingId,
          started_at: writeTime(now),
          finished_at: null,
          outcome: 'running',
          failure_class: null,
          evidence: writeJson(null),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return get(id);
    },
    async recordRerun({ attemptId, now }) {
      const attempt = await db
        .selectFrom('attempt')
        .innerJoin('queue_entry', 'queue_entry.id', 'attempt.entry_id')
        .select(['attempt.entry_id', 'queue_entry.repo'])
        .where('attempt.id', '=', attemptId)
        .executeTakeFirst();
      if (attempt === undefined) throw new StoreError(`No attempt ${attemptId}.`);
      await db
        .insertInto('rerun')
        .values({
          attempt_id: attemptId,
          entry_id: attempt.entry_id,
          repo: attempt.repo,
          at: writeTime(now),
        })
        .execute();
      return get(attemptId);
    },
    async finish(result) {
      const updated = await db
        .updateTable('attempt')
        .set({
          outcome: result.outcome,
          finished_at: writeTime(result.now),
          failure_class: result.failureClass ?? null,
          evidence: writeJson(result.evidence),
        })
        .where('id', '=', result.attemptId)
        .where('outcome', '=', 'running')
        .returning('id')
        .executeTakeFirst();
      const attempt = await get(result.attemptId);
      if (updated === undefined) {
        throw new StoreError(`Attempt ${attempt.id} already finished (${attempt.outcome}).`);
      }
      return attempt;
    },
    async listForEntry(entryId) {
      const rows = await attempts().where('entry_id', '=', entryId).orderBy('id').execute();
      return rows.map((row) => toAttempt(codec, row));
    },
    async retryBudgetUsage({ entryId, repo, since }) {
      const reruns = () => db.selectFrom('rerun').select((eb) => eb.fn.countAll().as('n'));
      return {
        entryReruns: await count(reruns().where('entry_id', '=', entryId)),
        repoRerunsSince: await count(
          reruns().where('repo', '=', repo).where('at', '>=', writeTime(since)),
        ),
      };
    },
  };
}
