import { writeTime, type Codec } from './codec.js';
import type { PrCheckRun } from './records.js';
import type { StoreDatabase } from './store-database.js';
import type { PrCheckRunStore } from './types.js';

interface Row {
  repo: string;
  number: number;
  head_sha: string;
  check_run_id: number;
  fingerprint: string;
  updated_at: unknown;
}

function toCheckRun(codec: Codec, row: Row): PrCheckRun {
  return {
    repo: row.repo,
    number: row.number,
    headSha: row.head_sha,
    checkRunId: row.check_run_id,
    fingerprint: row.fingerprint,
    updatedAt: codec.readTime(row.updated_at),
  };
}

export function createPrCheckRunStore({ db, codec }: StoreDatabase): PrCheckRunStore {
  return {
    async get({ repo, number, headSha }) {
      const row = await db
        .selectFrom('pr_check_run')
        .selectAll()
        .where('repo', '=', repo)
        .where('number', '=', number)
        .where('head_sha', '=', headSha)
        .executeTakeFirst();
      return row && toCheckRun(codec, row);
    },
    async save(run) {
      await db
        .insertInto('pr_check_run')
        .values({
          repo: run.repo,
          number: run.number,
          head_sha: run.headSha,
          check_run_id: run.checkRunId,
          fingerprint: run.fingerprint,
          updated_at: writeTime(run.now),
        })
        .onConflict((conflict) =>
          conflict.columns(['repo', 'number', 'head_sha']).doUpdateSet((eb) => ({
            check_run_id: eb.ref('excluded.check_run_id'),
            fingerprint: eb.ref('excluded.fingerprint'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    },
  };
}
