import type { CheckRunRender } from '../../messages/index.js';
import type { QueueKey, ReconcileDeps } from '../types.js';
import { fingerprintOf, noticeRows } from './notice.js';

/**
 * Records a new state of a PR head's `Sluice` check run, unless it is what the run already
 * says (or will say once delivered): a quiet reconcile records nothing and writes nothing.
 * `fingerprint` (by default the whole render) is what counts as "what the run says".
 */
export async function recordCheckRun(
  deps: ReconcileDeps,
  queue: QueueKey,
  input: { pr: number; headSha: string; render: CheckRunRender; fingerprint?: string },
): Promise<void> {
  const { pr, headSha, render } = input;
  if (headSha === '') return;
  const key = { repo: queue.repo, number: pr, headSha };
  const fingerprint = input.fingerprint ?? fingerprintOf(render);
  const latest = await deps.store.outbox.latestCheckRun(key);
  const shown = latest
    ? (latest.payload as { fingerprint?: unknown } | null)?.fingerprint
    : (await deps.store.checkRuns.get(key))?.fingerprint;
  if (shown === fingerprint) return;
  const cause = {
    pr,
    headSha,
    cause: 'queue status',
    entryId: null,
    // After the latest row: the same state again later (A, B, A) is a new row, a repeat is not.
    key: `status:${queue.repo}#${pr}@${headSha}:${fingerprint}:after-${latest?.id ?? 0}`,
  };
  await deps.store.outbox.record(
    noticeRows(queue, cause, [{ kind: 'check-run', render, fingerprint }]),
    deps.now(),
  );
}
