import type { HandlerTable } from './types.js';
import { requireRepo } from './types.js';
import { answerNow } from './answer-now.js';
import { actorOf } from '../auth/authenticate.js';
import { renderIssue } from '../render/issue.js';
import { createIssue, requireIssue } from '../domain/issues.js';
import { labelHandlers, parseLabelNames } from './labels.js';
import { commentHandlers } from './comments.js';
import { created } from './created.js';

/** The `issues/*` operations: issues (pull requests are issues too), their labels and comments. */
export const issueHandlers: HandlerTable = {
  'issues/get': answerNow((ctx) => {
    const repo = requireRepo(ctx);
    return {
      status: 200,
      body: renderIssue(ctx.world, repo, requireIssue(repo, Number(ctx.params.issue_number))),
    };
  }),

  'issues/create': async (ctx) => {
    const repo = requireRepo(ctx);
    const { title, body } = ctx.body as { title: string | number; body?: string };
    const issue = await createIssue(ctx, {
      repo,
      author: actorOf(ctx.caller),
      title: String(title),
      body,
      labels: parseLabelNames({ labels: ctx.body.labels }),
    });
    return created(renderIssue(ctx.world, repo, issue));
  },

  ...labelHandlers,
  ...commentHandlers,
};
