import type { HandlerTable } from './types.js';
import { requireRepo } from './types.js';
import { actorOf } from '../auth/authenticate.js';
import { answerNow } from './answer-now.js';
import { pagedAnswer } from './paged-answer.js';
import { renderReview } from '../render/review.js';
import { requirePull } from '../domain/pulls/pull-record.js';
import { submitReview, type ReviewEvent } from '../domain/reviews.js';
import { GitHubError } from '../http/github-error.js';

export const reviewHandlers: HandlerTable = {
  'pulls/list-reviews': answerNow((ctx) => {
    const repo = requireRepo(ctx);
    const issue = requirePull(repo, Number(ctx.params.pull_number));
    return pagedAnswer(ctx, issue.pull.reviews, (r) => renderReview(ctx.world, repo, issue, r));
  }),

  'pulls/create-review': async (ctx) => {
    const repo = requireRepo(ctx);
    const issue = requirePull(repo, Number(ctx.params.pull_number));
    const {
      event,
      body,
      commit_id: commitId,
    } = ctx.body as { event?: ReviewEvent; body?: string; commit_id?: string };
    // Without `event` GitHub keeps a PENDING draft review; the stand-in does not model drafts.
    if (event === undefined) {
      ctx.world.recordViolation({
        kind: 'unimplemented',
        subject: ctx.operationId,
        detail: 'pending (draft) reviews',
        at: ctx.world.clock.now(),
      });
      throw new GitHubError(501, 'fake-github does not model pending (draft) reviews');
    }
    const review = await submitReview(ctx, {
      repo,
      issue,
      reviewer: actorOf(ctx.caller),
      event,
      body,
      commitId,
    });
    return { status: 200, body: renderReview(ctx.world, repo, issue, review) };
  },
};
