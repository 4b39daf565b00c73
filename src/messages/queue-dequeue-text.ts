import type { DequeueReason } from '../queue/effects.js';
import { describeQueueFailure } from './queue-failure-text.js';
import { inlineCode, nameWithoutPing, plainTitle } from './markdown.js';
import { commitLink } from './queue-links.js';
import type { QueueMessageContext } from './queue-message-types.js';
import type { OutcomeText } from './queue-outcome-text.js';
import { howToQueueAgain } from './queue-instructions.js';

/** Why a pull request left the queue, for its comment and its check run. */
export function describeDequeue(reason: DequeueReason, ctx: QueueMessageContext): OutcomeText {
  const plain = {
    conclusion: 'neutral' as const,
    headline: 'Left the merge queue' as const,
    verdicts: [],
    retry: false,
  };
  switch (reason.kind) {
    case 'unlabeled':
      return {
        ...plain,
        title: 'Left the merge queue: label removed',
        lead: [`The ${inlineCode(ctx.queueLabel)} label was removed.`],
        next: [howToQueueAgain(ctx)],
      };
    case 'closed':
      return {
        ...plain,
        title: 'Left the merge queue: pull request closed',
        lead: ['This pull request was closed.'],
        next: [howToQueueAgain(ctx, 'After reopening it')],
      };
    case 'command':
      return {
        ...plain,
        // Dequeued by hand, perhaps by mistake: the button puts it back.
        retry: true,
        title: plainTitle(`Left the merge queue: dequeued by ${reason.by}`),
        // The person who dequeued knows it already; the author reads their name unpinged.
        lead: [`${nameWithoutPing(reason.by)} dequeued it.`],
        next: [howToQueueAgain(ctx)],
      };
    case 'head-moved':
      return {
        ...plain,
        title: 'Left the merge queue: new commits pushed',
        lead: [
          `Its head moved from ${commitLink(reason.from, ctx.repoUrl)} to ${commitLink(reason.to, ctx.repoUrl)} after it was queued, ` +
            'and Sluice only lands the commit that was queued and approved.',
        ],
        next: [howToQueueAgain(ctx, 'To test the new head')],
      };
    case 'empty': {
      const base = inlineCode(ctx.baseBranch);
      const carried =
        reason.carriedBy === null
          ? ''
          : `, carried by commit ${commitLink(reason.carriedBy, ctx.repoUrl)}`;
      return {
        ...plain,
        // Not a failure, and nothing to retry: the same squash would be empty again.
        headline: 'Dequeued',
        title: plainTitle(`Dequeued: its changes are already on ${ctx.baseBranch}`),
        lead: [
          `Squashed onto ${base}, this pull request changes nothing: ${base} already has its changes${carried}. There is nothing left to merge.`,
        ],
        next: [
          `If nothing is missing, close this pull request. Otherwise push what is missing; ${howToQueueAgain(ctx, 'after that')}`,
        ],
      };
    }
    case 'conflict':
    case 'checks-failed':
    case 'check-missing':
    case 'no-checks':
    case 'land-failed':
    case 'blocked':
      return describeQueueFailure(reason, ctx);
  }
}
