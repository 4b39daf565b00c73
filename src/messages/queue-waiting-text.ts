import type { EntryStatus } from '../queue/describe-queue.js';
import { inlineCode } from './markdown.js';
import { howToLeave } from './queue-instructions.js';
import type { QueueMessageContext } from './queue-message-types.js';

type Waiting = Extract<EntryStatus, { kind: 'waiting' }>;

/** Title and summary for a queued pull request that is not being tested yet. */
export function describeWaiting(
  status: Waiting,
  ctx: QueueMessageContext,
): { title: string; summary: string } {
  const place = `Number ${status.position} of ${status.queueLength} in the merge queue for ${inlineCode(ctx.baseBranch)}.`;
  const { title, reason } = holdText(status);
  return { title, summary: [`${place} ${reason}`, howToLeave(ctx)].join('\n\n') };
}

function holdText(status: Waiting): { title: string; reason: string } {
  // Held entries keep their place but let the ones behind them go first (see startStaging).
  const keepsPlace =
    'Until then it keeps its place without holding up the pull requests behind it.';
  const hold = status.hold;
  if (hold === null) {
    return status.position === 1
      ? { title: 'Next in the merge queue', reason: 'Sluice starts testing it shortly.' }
      : {
          title: `Queued: ${status.position} of ${status.queueLength}`,
          reason:
            'It waits for its turn: Sluice tests and lands one pull request at a time, in queue order.',
        };
  }
  switch (hold.kind) {
    case 'approvals':
      return {
        title: `Waiting for approval: ${hold.have} of ${hold.need}`,
        reason: `It needs ${hold.need} approving ${hold.need === 1 ? 'review' : 'reviews'} of its current head and has ${hold.have}. ${keepsPlace}`,
      };
    case 'changes-requested':
      return {
        title: 'Waiting: changes requested',
        reason: `A reviewer requested changes; Sluice tests it once that review is approved or dismissed. ${keepsPlace}`,
      };
    case 'draft':
      return {
        title: 'Waiting: draft pull request',
        reason: `It is a draft; Sluice tests it once it is marked ready for review. ${keepsPlace}`,
      };
  }
}
