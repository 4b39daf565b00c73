import type { RunResult } from './run-chaos-plan.js';

export interface CampaignRow {
  what: string;
  value: string;
  /** null: a figure reported, not judged. */
  pass: boolean | null;
}

const targets = { sqliteSeconds: 5 };

function seconds(samples: number[]): string {
  if (samples.length === 0) return 'n/a (no restart with work left)';
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return `median ${median.toFixed(1)} s, max ${sorted.at(-1)!.toFixed(1)} s (${sorted.length} restarts)`;
}

/** The campaign's table: one row per promise, pass or fail; the restart timings as measured. */
export function summarizeCampaign(results: RunResult[], renewMs: number): CampaignRow[] {
  const sum = (pick: (r: RunResult) => number) => results.reduce((n, r) => n + pick(r), 0);
  const zero = (what: string, pick: (r: RunResult) => number): CampaignRow => {
    const value = sum(pick);
    return { what, value: String(value), pass: value === 0 };
  };
  const clean = sum((r) => r.verdict.clean);
  const cleanOnce = sum((r) => r.verdict.cleanMergedOnce);
  const sqlite = results.filter((r) => r.store === 'sqlite').flatMap((r) => r.restartToMoving);
  const postgres = results.filter((r) => r.store === 'postgres').flatMap((r) => r.restartToMoving);
  return [
    { what: 'runs', value: String(results.length), pass: null },
    { what: 'faults injected', value: String(sum((r) => r.faults)), pass: null },
    { what: 'PRs', value: String(sum((r) => r.verdict.pulls)), pass: null },
    {
      what: 'clean PRs merged exactly once',
      value: `${cleanOnce} of ${clean} (all merged: ${sum((r) => r.verdict.mergedOnce)})`,
      pass: cleanOnce === clean,
    },
    zero('double merges', (r) => r.verdict.doubleMerges),
    zero('lost or stuck PRs', (r) => r.verdict.lostOrStuck),
    zero('untested commits on base', (r) => r.verdict.untestedOnBase),
    zero('contributor commits lost', (r) => r.verdict.contributorCommitsLost),
    zero('notifications missing, doubled or contradicting', (r) => r.verdict.notificationsWrong),
    {
      what: `restart to queue moving, SQLite (target < ${targets.sqliteSeconds} s)`,
      value: seconds(sqlite),
      pass: sqlite.every((s) => s < targets.sqliteSeconds),
    },
    {
      what: `restart to queue moving, PostgreSQL (target < ${renewMs / 1000} s, the renewal interval)`,
      value: seconds(postgres),
      pass: postgres.every((s) => s < renewMs / 1000),
    },
  ];
}

export function renderCampaignTable(rows: CampaignRow[]): string {
  const width = Math.max(...rows.map((r) => r.what.length));
  const valueWidth = Math.max(...rows.map((r) => r.value.length));
  return rows
    .map((r) => {
      const verdict = r.pass === null ? '' : r.pass ? 'pass' : 'FAIL';
      return `${r.what.padEnd(width)}  ${r.value.padEnd(valueWidth)}  ${verdict}`;
    })
    .join('\n');
}
