import type { Plan } from '../plan.js';
import type { SluiceConfig } from '../../config/index.js';
import type { DequeueReason } from '../effects.js';
import type { ObservedPull, QueueEntry, Staging } from '../types.js';

/**
 * Entries whose PR no longer qualifies leave the queue: closed, unlabeled, or pushed to
 * after queueing (the queued head is the only one that may land). A PR that GitHub reports
 * merged is finished, whoever merged it.
 */
export function handleDepartures(plan: Plan, config: SluiceConfig): void {
  for (const entry of plan.remaining()) {
    const pull = plan.snapshot.pulls.find((p) => p.number === entry.pr);
    if (pull?.merged) {
      const staging = plan.snapshot.staging;
      const stagingSha = staging?.prs.some((p) => p.pr === entry.pr) ? staging.sha : null;
      plan.add({
        kind: 'finish-merged',
        entryId: entry.id,
        pr: entry.pr,
        headSha: entry.headSha,
        stagingSha,
      });
      continue;
    }
    const reason = departureReason(entry, pull, config, plan.snapshot.staging);
    if (reason === 'retest') {
      plan.add({
        kind: 'retest-new-head',
        entryId: entry.id,
        pr: entry.pr,
        headSha: pull!.headSha,
      });
      // What is being tested is no longer what would land: test the new head instead.
      const staging = plan.activeStaging();
      if (staging?.prs.some((p) => p.pr === entry.pr)) {
        plan.add({
          kind: 'abandon-staging',
          stagingId: staging.id,
          reason: 'pr-left',
          deleteBranch: false,
        });
      }
    } else if (reason) {
      plan.add({
        kind: 'dequeue',
        entryId: entry.id,
        pr: entry.pr,
        headSha: entry.headSha,
        reason,
        removeLabel:
          reason.kind === 'head-moved' &&
          pull !== undefined &&
          pull.labels.includes(config.queue.label),
        addLabels: [],
        consecutiveFailures: 0,
      });
    }
  }
}

function departureReason(
  entry: QueueEntry,
  pull: ObservedPull | undefined,
  config: SluiceConfig,
  staging: Staging | null,
): DequeueReason | 'retest' | undefined {
  if (!pull || pull.state === 'closed') return { kind: 'closed' };
  if (!pull.labels.includes(config.queue.label)) return { kind: 'unlabeled' };
  if (pull.headSha === entry.headSha) return undefined;
  // Fast-forward landing moves the head to the staging commit; that is our push, not theirs.
  if (staging?.sha === pull.headSha && staging.prs.some((p) => p.pr === entry.pr)) return undefined;
  return config.queue.onPush === 'retest'
    ? 'retest'
    : { kind: 'head-moved', from: entry.headSha, to: pull.headSha };
}
