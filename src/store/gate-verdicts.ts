import { readOptionalTime, writeJson, writeTime, type Codec } from './codec.js';
import type { StoredVerdict } from './records.js';
import type { StoreDatabase } from './store-database.js';
import type { VerdictStore } from './types.js';

interface Row {
  staging_id: number;
  check_run_id: string;
  check_name: string;
  class: string;
  verdict: unknown;
  rerun_at: unknown;
  created_at: unknown;
}

function toVerdict(codec: Codec, row: Row): StoredVerdict {
  return {
    stagingId: row.staging_id,
    checkRunId: row.check_run_id,
    checkName: row.check_name,
    class: row.class,
    verdict: codec.readJson(row.verdict),
    rerunAt: readOptionalTime(codec, row.rerun_at),
    createdAt: codec.readTime(row.created_at),
  };
}

export function createVerdictStore({ db, codec }: StoreDatabase): VerdictStore {
  return {
    async save(verdict) {
      // A verdict is written once per check run: re-classifying the same run changes nothing.
      await db
        .insertInto('gate_verdict')
        .values({
          staging_id: verdict.stagingId,
          check_run_id: verdict.checkRunId,
          check_name: verdict.checkName,
          class: verdict.class,
          verdict: writeJson(verdict.verdict),
          rerun_at: null,
          created_at: writeTime(verdict.now),
        })
        .onConflict((conflict) => conflict.columns(['staging_id', 'check_run_id']).doNothing())
        .execute();
    },
    async listForStaging(stagingId) {
      const rows = await db
        .selectFrom('gate_verdict')
        .selectAll()
        .where('staging_id', '=', stagingId)
        .orderBy('created_at')
        .execute();
      return rows.map((row) => toVerdict(codec, row));
    },
    async markRerun({ stagingId, checkRunId, now }) {
      await db
        .updateTable('gate_verdict')
        .set({ rerun_at: writeTime(now) })
        .where('staging_id', '=', stagingId)
        .where('check_run_id', '=', checkRunId)
        .execute();
    },
  };
}
