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
    const staging = stagingOf(plan, entry.pr);
    if (pull?.merged) {
      // The commit it landed as: its own squash commit in the staging, when it was in one.
      const stagingSha = staging?.prs.find((p) => p.pr === entry.pr)?.commitSha ?? null;
      plan.add({
        kind: 'finish-merged',
        entryId: entry.id,
        pr: entry.pr,
        headSha: entry.headSha,
        stagingSha,
      });
      continue;
    }
    const reason = departureReason(entry, pull, config, staging);
    if (!reason) continue;
    // What is being tested is no longer what would land, nor is anything built on it.
    if (staging && plan.isLive(staging)) plan.abandonWithDependents(staging, 'pr-left');
    if (reason === 'retest') {
      plan.add({
        kind: 'retest-new-head',
        entryId: entry.id,
        pr: entry.pr,
        headSha: pull!.headSha,
      });
    } else {
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

/** The live staging that holds this PR, if any. */
function stagingOf(plan: Plan, pr: number): Staging | undefined {
  return plan.liveStagings().find((s) => s.prs.some((p) => p.pr === pr));
}

function departureReason(
  entry: QueueEntry,
  pull: ObservedPull | undefined,
  config: SluiceConfig,
  staging: Staging | undefined,
): DequeueReason | 'retest' | undefined {
  if (!pull || pull.state === 'closed') return { kind: 'closed' };
  if (!pull.labels.includes(config.queue.label)) return { kind: 'unlabeled' };
  if (pull.headSha === entry.headSha) return undefined;
  // Fast-forward landing moves the head to its squash commit; that is our push, not theirs.
  if (staging?.prs.some((p) => p.pr === entry.pr && p.commitSha === pull.headSha)) return undefined;
  return config.queue.onPush === 'retest'
    ? 'retest'
    : { kind: 'head-moved', from: entry.headSha, to: pull.headSha };
}
