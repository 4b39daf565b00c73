import type { EntryStatus } from '../queue/describe-queue.js';
import { inlineCode, plainTitle } from './markdown.js';
import { howToLeave } from './queue-instructions.js';
import type { QueueMessageContext } from './queue-message-types.js';
import { pausedText } from './queue-paused-text.js';
import { keepsPlace, waitingForText, type HoldText } from './queue-waiting-for-text.js';

type Waiting = Extract<EntryStatus, { kind: 'waiting' }>;

/**
 * Title and summary for a queued pull request that is not being tested yet. Everything that
 * holds it is told; the title names the first: a paused queue (nothing moves, whatever else
 * holds it), then what a person can act on (a review), then the pull requests ahead it waits
 * for, then a bisection it waits its turn in.
 */
export function describeWaiting(
  status: Waiting,
  ctx: QueueMessageContext,
): { title: string; summary: string } {
  // Written when its state changes, not at every move in line (syncCheckRuns): say so.
  const priority = status.priority === 'normal' ? '' : `, at ${status.priority} priority`;
  const place = `Number ${status.position} of ${status.queueLength} in the merge queue for ${inlineCode(ctx.baseBranch)}${priority} when this was written.`;
  const holds = [
    ctx.paused === undefined ? null : pausedText(ctx.paused, ctx),
    status.hold === null ? null : holdText(status.hold),
    status.waitingFor === null ? null : waitingForText(status.waitingFor, ctx),
    status.bisecting === null ? null : bisectingText(status.bisecting.batchSize),
  ].filter((hold): hold is HoldText => hold !== null);
  const [first = turnText(status), ...rest] = holds;
  const parts = [
    `${place} ${first.text}`,
    ...first.blocks,
    ...rest.flatMap((hold) => [hold.text, ...hold.blocks]),
    howToLeave(ctx),
  ];
  return { title: plainTitle(first.title), summary: parts.join('\n\n') };
}

function turnText(status: Waiting): HoldText {
  if (status.cleared)
    return {
      title: 'Tested early and passed: it lands with a batch when its turn comes',
      text:
        'Sluice already tested it, in a probe beside the queue or in a staging that did not land, and its checks passed. ' +
        'When its turn comes it goes into a larger batch, tested once more on top of everything ahead of it.',
      blocks: [],
    };
  return status.position === 1
    ? { title: 'Next in the merge queue', text: 'Sluice starts testing it shortly.', blocks: [] }
    : {
        title: `Queued: ${status.position} of ${status.queueLength}${status.priority === 'normal' ? '' : ` (${status.priority} priority)`}`,
        text: 'It waits for its turn: Sluice starts testing pull requests in queue order, higher priority first.',
        blocks: [],
      };
}

// Held entries keep their place but let the ones behind them go first (see startStagings).
function holdText(hold: NonNullable<Waiting['hold']>): HoldText {
  switch (hold.kind) {
    case 'approvals':
      return {
        title: `Waiting for approval: ${hold.have} of ${hold.need}`,
        text: `It needs ${hold.need} approving ${hold.need === 1 ? 'review' : 'reviews'} of its current head and has ${hold.have}. ${keepsPlace}`,
        blocks: [],
      };
    case 'changes-requested':
      return {
        title: 'Waiting: changes requested',
        text: `A reviewer requested changes; Sluice tests it once that review is approved or dismissed. ${keepsPlace}`,
        blocks: [],
      };
    case 'draft':
      return {
        title: 'Waiting: draft pull request',
        text: `It is a draft; Sluice tests it once it is marked ready for review. ${keepsPlace}`,
        blocks: [],
      };
  }
}

function bisectingText(batchSize: number): HoldText {
  return {
    title: `Bisecting a failed batch of ${batchSize}: waiting for its turn`,
    text:
      `It was in a batch of ${batchSize} pull requests that failed its required checks. ` +
      'Sluice is testing that batch in smaller groups to find the pull request that broke it; this one is tested when its group’s turn comes, only with others from the same batch.',
    blocks: [],
  };
}
