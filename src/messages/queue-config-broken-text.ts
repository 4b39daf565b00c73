import { renderConfigErrors } from './config-errors.js';
import { inlineCode, plainTitle } from './markdown.js';
import { githubLimits, joinBlocksWithin } from './queue-github-limits.js';
import type { QueueMessageContext } from './queue-message-types.js';

/**
 * Why nothing moves while the default branch's config is invalid. The problems themselves
 * are worded by `renderConfigErrors`; here they are only listed again when known.
 */
export function describeConfigBroken(ctx: QueueMessageContext): {
  title: string;
  summary: string;
  text?: string;
} {
  const summary =
    `${inlineCode(ctx.configPath)} on the default branch is invalid, so Sluice tests and merges nothing until it is fixed. ` +
    'Queued pull requests keep their places and continue once a valid config is pushed to the default branch.';
  const errors = ctx.configErrors ?? [];
  if (errors.length === 0) return { title: 'Sluice configuration is invalid', summary };
  const details = renderConfigErrors(errors, {
    context: 'default-branch',
    annotatePath: ctx.configPath,
  });
  // Fifty problems with long quoted values can pass GitHub's limit; the list has no fences,
  // so its paragraphs can be dropped from the end safely.
  const text = joinBlocksWithin(details.summary.split('\n\n'), {
    limit: githubLimits.checkRunOutput,
    omitted: (count) => `_… ${count} more paragraphs left out to stay within GitHub's size limit._`,
  });
  return { title: plainTitle(details.title), summary, text };
}
