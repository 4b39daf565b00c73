import { writeTime, type Codec } from './codec.js';
import type { PrCheckRun } from './records.js';
import type { StoreDatabase } from './store-database.js';
import type { PrCheckRunStore } from './types.js';

interface Row {
  repo: string;
  number: number;
  head_sha: string;
  check_run_id: number;
  node_id: string | null;
  fingerprint: string;
  updated_at: unknown;
}

function toCheckRun(codec: Codec, row: Row): PrCheckRun {
  return {
    repo: row.repo,
    number: row.number,
    headSha: row.head_sha,
    checkRunId: row.check_run_id,
    nodeId: row.node_id,
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
          node_id: run.nodeId,
          fingerprint: run.fingerprint,
          updated_at: writeTime(run.now),
        })
        .onConflict((conflict) =>
          conflict.columns(['repo', 'number', 'head_sha']).doUpdateSet((eb) => ({
            check_run_id: eb.ref('excluded.check_run_id'),
            // A write that did not learn the node id (a failed answer) keeps the one known,
            // as long as it is still the same run.
            node_id: eb
              .case()
              .when('excluded.check_run_id', '=', eb.ref('pr_check_run.check_run_id'))
              .then(eb.fn.coalesce(eb.ref('excluded.node_id'), eb.ref('pr_check_run.node_id')))
              .else(eb.ref('excluded.node_id'))
              .end(),
            fingerprint: eb.ref('excluded.fingerprint'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    },
  };
}
