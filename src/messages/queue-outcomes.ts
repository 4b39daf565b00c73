import type { DequeueReason, Refusal } from '../queue/effects.js';
import { renderGateAnnotations } from './gate-annotations.js';
import { renderGateVerdicts } from './gate-verdicts.js';
import { queueCheckRunActions } from './queue-check-run-actions.js';
import { describeDequeue } from './queue-dequeue-text.js';
import { githubLimits } from './queue-github-limits.js';
import type { CheckRunRender, QueueMessageContext } from './queue-message-types.js';
import type { OutcomeText } from './queue-outcome-text.js';
import { describeRefusal } from './queue-refusal-text.js';

/** The completed `Sluice` check run on a pull request that left the queue. */
export function renderDequeuedCheckRun(
  reason: DequeueReason,
  ctx: QueueMessageContext,
): CheckRunRender {
  return toCheckRun(describeDequeue(reason, ctx));
}

/**
 * The outcome comment for a pull request that left the queue; null when its own timeline
 * already says it (the label removal or the close), so nobody is notified twice.
 */
export function renderDequeuedComment(
  reason: DequeueReason,
  ctx: QueueMessageContext,
): string | null {
  if (reason.kind === 'unlabeled' || reason.kind === 'closed') return null;
  return toComment(describeDequeue(reason, ctx));
}

/** The completed `Sluice` check run on a pull request that was not queued. */
export function renderRefusedCheckRun(reason: Refusal, ctx: QueueMessageContext): CheckRunRender {
  return toCheckRun(describeRefusal(reason, ctx));
}

/** The comment saying why a pull request was not queued. */
export function renderRefusedComment(reason: Refusal, ctx: QueueMessageContext): string {
  return toComment(describeRefusal(reason, ctx));
}

function toCheckRun(outcome: OutcomeText): CheckRunRender {
  const verdicts =
    outcome.verdicts.length > 0 ? { text: renderGateVerdicts(outcome.verdicts) } : {};
  return {
    status: 'completed',
    conclusion: outcome.conclusion,
    title: outcome.title,
    summary: [...outcome.lead, ...outcome.next].join('\n\n'),
    ...verdicts,
    actions: queueCheckRunActions(outcome.retry ? 'failed' : 'finished'),
    annotations: renderGateAnnotations(outcome.verdicts),
  };
}

function toComment(outcome: OutcomeText): string {
  const [first = '', ...rest] = outcome.lead;
  const head = [`**${outcome.headline}.** ${first}`, ...rest];
  const frame = [...head, ...outcome.next].join('\n\n');
  // The verdicts give way to the size limit, never the sentences saying what to do next.
  const room = githubLimits.commentBody - frame.length - 8;
  const verdicts =
    outcome.verdicts.length > 0 ? [renderGateVerdicts(outcome.verdicts, { limit: room })] : [];
  return `${[...head, ...verdicts, ...outcome.next].join('\n\n')}\n`;
}
