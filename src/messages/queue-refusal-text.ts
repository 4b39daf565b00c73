import type { Refusal } from '../queue/effects.js';
import { inlineCode, mention, plainTitle } from './markdown.js';
import { describeConfigBroken } from './queue-config-broken-text.js';
import { howToQueueAgain, permissionPhrase } from './queue-instructions.js';
import type { QueueMessageContext } from './queue-message-types.js';
import type { OutcomeText } from './queue-outcome-text.js';

/** Why a request to queue was refused: nothing was queued, and the PR says why. */
export function describeRefusal(reason: Refusal, ctx: QueueMessageContext): OutcomeText {
  const refused = { headline: 'Not queued' as const, verdicts: [], retry: false };
  switch (reason.kind) {
    case 'permission':
      return {
        ...refused,
        // Someone else has to act, which is what action_required is for.
        conclusion: 'action_required',
        title: plainTitle(
          `Not queued: ${reason.by} has ${reason.has} permission; queueing needs ${reason.needs}`,
        ),
        // The requester is pinged: their label or comment did nothing, and they should know why.
        lead: [
          `${mention(reason.by)} has ${hasPhrase(reason.has)}; queueing needs ${reason.needs}.`,
        ],
        next: [
          `Anyone with ${permissionPhrase(reason.needs)} on this repository can queue it by adding the ${inlineCode(ctx.queueLabel)} label or commenting \`/sluice queue\`.`,
        ],
      };
    case 'draft':
      return {
        ...refused,
        conclusion: 'neutral',
        title: 'Not queued: draft pull request',
        lead: ['This pull request is a draft.'],
        next: [howToQueueAgain(ctx, 'Once it is marked ready for review')],
      };
    case 'closed':
      return {
        ...refused,
        conclusion: 'neutral',
        title: 'Not queued: pull request is closed',
        lead: ['This pull request is closed.'],
        next: [howToQueueAgain(ctx, 'After reopening it')],
      };
    case 'blocked':
      return {
        ...refused,
        conclusion: 'failure',
        retry: true,
        title: `Not queued: blocked after ${reason.failures} consecutive failures`,
        lead: [
          `This head failed in the queue ${reason.failures} times in a row, so Sluice does not test it again as it is.`,
        ],
        next: [
          `To unblock it, push a new commit (a new head starts the count again), or someone with ${permissionPhrase(ctx.minimumPermission)} can comment \`/sluice retry\`.`,
        ],
      };
    case 'title-grammar':
      return {
        ...refused,
        conclusion: 'failure',
        title: 'Not queued: title is not a conventional commit',
        lead: [
          `The title ${inlineCode(reason.title)} is not a conventional commit, and this repository requires one (${inlineCode('mergeMessage.requireConventionalTitle')}) because the landed commit's subject feeds the changelog.`,
        ],
        next: [
          `Write the title as ${inlineCode('type(scope): description')}, for example ${inlineCode('feat(api): add pagination to the list endpoint')} or ${inlineCode('fix: handle an empty config file')}. ${howToQueueAgain(ctx, 'After editing it')}`,
        ],
      };
    case 'priority-permission':
      return {
        ...refused,
        headline: 'Priority not changed',
        conclusion: 'action_required',
        title: plainTitle(
          `Priority not changed: ${reason.by} has ${reason.has} permission; it needs ${reason.needs}`,
        ),
        lead: [
          `${mention(reason.by)} has ${hasPhrase(reason.has)}; changing the priority of a queued pull request needs ${reason.needs}. It keeps its priority and its place in the queue.`,
        ],
        next: [
          `Anyone with ${permissionPhrase(reason.needs)} on this repository can change it by commenting \`/sluice queue --priority high\`, \`normal\` or \`low\`.`,
        ],
      };
    case 'config-broken':
      return {
        ...refused,
        conclusion: 'failure',
        title: 'Not queued: Sluice configuration is invalid',
        lead: [describeConfigBroken(ctx).summary],
        next: [howToQueueAgain(ctx, 'Once the configuration is fixed')],
      };
  }
}

function hasPhrase(has: Extract<Refusal, { kind: 'permission' }>['has']): string {
  return has === 'none' ? 'no access to this repository' : `${has} permission`;
}
