import { parseJournalTarget } from '../doctor/parse-journal-target.js';
import { resolveJournalRow } from '../doctor/resolve-journal-row.js';
import type { PullFacts } from '../doctor/observation.js';
import type { JournalRow } from '../store/types.js';
import type { ReconcileDeps } from './types.js';

/** Rows younger than this may belong to a reconcile still running elsewhere. */
const settleAfterMs = 10 * 60_000;

/**
 * Closes open journal rows of a repository by looking at GitHub, never by repeating the call:
 * a ref at the row's new value was written, one still at its old value was not, a merge is
 * done exactly when the PR is merged. What cannot be told stays open for `sluice doctor`.
 * Run by the sweep: a crash between a mutation and its outcome leaves such rows behind.
 * Each row is settled on its own: one that another replica's sweep closed meanwhile, or
 * whose lookup failed, is skipped and the rest are still settled.
 */
export async function settleJournal(deps: ReconcileDeps): Promise<number> {
  const repo = `${deps.github.owner}/${deps.github.repo}`;
  const now = deps.now();
  let settled = 0;
  for (const row of await deps.store.journal.listOpen(repo)) {
    if (now.getTime() - row.createdAt.getTime() < settleAfterMs) continue;
    try {
      if (await settleRow(deps, row, now)) settled++;
    } catch (error) {
      if (await closedElsewhere(deps, row)) continue;
      deps.log.warn(
        { repo, row: row.id, err: error },
        'could not settle a journal row; next sweep',
      );
    }
  }
  return settled;
}

async function settleRow(deps: ReconcileDeps, row: JournalRow, now: Date): Promise<boolean> {
  const repo = `${deps.github.owner}/${deps.github.repo}`;
  const target = parseJournalTarget(row, repo);
  const branches = new Map<string, string | null>();
  const pulls = new Map<number, PullFacts | null>();
  if (target.kind === 'branch')
    branches.set(target.branch, (await deps.github.branchSha(target.branch)) ?? null);
  if (target.kind === 'pull' || target.kind === 'label') {
    const details = await deps.github.getPull(target.number);
    const { pull } = details ?? {};
    const facts: PullFacts | null = pull
      ? {
          number: target.number,
          state: pull.state,
          merged: pull.merged,
          headSha: pull.headSha,
          labels: pull.labels,
        }
      : null;
    pulls.set(target.number, facts);
  }
  const verdict = resolveJournalRow(row, target, { branches, pulls });
  if (verdict.kind === 'undetermined') return false;
  await deps.store.journal.recordOutcome({
    id: row.id,
    now,
    status: verdict.kind,
    result: { settledBy: 'sweep', lookup: verdict.lookup, observed: verdict.observed },
  });
  return true;
}

/** Another sweep (or the reconcile that wrote it) finished the row between our read and write. */
async function closedElsewhere(deps: ReconcileDeps, row: JournalRow): Promise<boolean> {
  const current = await deps.store.journal.findByKey(row.idempotencyKey).catch(() => undefined);
  return current !== undefined && current.status !== 'pending' && current.status !== 'unknown';
}
