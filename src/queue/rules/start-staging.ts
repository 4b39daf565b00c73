import type { Plan } from '../plan.js';
import type { SluiceConfig } from '../../config/index.js';
import type { ObservedPull, QueueEntry } from '../types.js';

/** Why a queued entry cannot be staged yet (it keeps its place). */
export type Hold =
  | { kind: 'approvals'; have: number; need: number }
  | { kind: 'changes-requested' }
  | { kind: 'draft' };

export function holdFor(pull: ObservedPull, requiredApprovals: number): Hold | undefined {
  if (pull.draft) return { kind: 'draft' };
  if (pull.changesRequested) return { kind: 'changes-requested' };
  if (pull.approvals < requiredApprovals)
    return { kind: 'approvals', have: pull.approvals, need: requiredApprovals };
  return undefined;
}

/**
 * Serial processing: when nothing is in flight, stage the first entry in queue order that is
 * ready. Entries waiting on approvals keep their place but do not hold up the queue.
 */
export function startStaging(plan: Plan, config: SluiceConfig): void {
  if (plan.stagingOccupied()) return;
  const { snapshot } = plan;
  for (const entry of plan.remaining()) {
    const pull = snapshot.pulls.find((p) => p.number === entry.pr);
    if (!pull || holdFor(pull, snapshot.requiredApprovals)) continue;
    const outcome = snapshot.lastOutcome;
    if (outcome?.kind === 'build-failed' && outcome.pr === entry.pr) {
      dequeueAfterBuildFailure(plan, config, entry, pull);
      continue;
    }
    plan.add({
      kind: 'build-staging',
      baseSha: snapshot.baseSha,
      prs: [{ pr: entry.pr, headSha: entry.headSha, entryId: entry.id }],
    });
    return;
  }
}

function dequeueAfterBuildFailure(
  plan: Plan,
  config: SluiceConfig,
  entry: QueueEntry,
  pull: ObservedPull,
): void {
  const outcome = plan.snapshot.lastOutcome;
  if (outcome?.kind !== 'build-failed') return;
  const reason =
    outcome.failure.kind === 'conflict'
      ? { kind: 'conflict' as const, files: outcome.failure.files }
      : { kind: 'head-moved' as const, from: entry.headSha, to: outcome.failure.headSha };
  plan.add({
    kind: 'dequeue',
    entryId: entry.id,
    pr: entry.pr,
    headSha: entry.headSha,
    reason,
    removeLabel: pull.labels.includes(config.queue.label),
    addLabels:
      reason.kind === 'conflict' && config.labels.failed.conflict
        ? [config.labels.failed.conflict]
        : [],
    consecutiveFailures: 0,
  });
}
