import type { HandlerTable } from './types.js';
import { requireRepo } from './types.js';
import { actorOf } from '../auth/authenticate.js';
import { answerNow } from './answer-now.js';
import { pagedAnswer } from './paged-answer.js';
import { renderComment } from '../render/comment.js';
import { requireIssue } from '../domain/issues.js';
import { commentsOn, createComment, deleteComment, updateComment } from '../domain/comments.js';
import { created } from './created.js';

export const commentHandlers: HandlerTable = {
  /** Oldest first; `since` keeps comments updated at or after it (edits count). */
  'issues/list-comments': answerNow((ctx) => {
    const repo = requireRepo(ctx);
    const issue = requireIssue(repo, Number(ctx.params.issue_number));
    const since =
      typeof ctx.query.since === 'string' ? new Date(ctx.query.since).getTime() : undefined;
    const comments = commentsOn(repo, issue.number).filter(
      (c) => since === undefined || c.updatedAt.getTime() >= since,
    );
    return pagedAnswer(ctx, comments, (c) => renderComment(ctx.world, repo, c));
  }),

  'issues/create-comment': answerNow((ctx) => {
    const repo = requireRepo(ctx);
    const issue = requireIssue(repo, Number(ctx.params.issue_number));
    const comment = createComment(ctx, {
      repo,
      issue,
      body: String(ctx.body.body),
      author: actorOf(ctx.caller),
    });
    return created(renderComment(ctx.world, repo, comment));
  }),

  'issues/update-comment': answerNow((ctx) => {
    const repo = requireRepo(ctx);
    const comment = updateComment(ctx, {
      repo,
      commentId: Number(ctx.params.comment_id),
      body: String(ctx.body.body),
      actor: actorOf(ctx.caller),
    });
    return { status: 200, body: renderComment(ctx.world, repo, comment) };
  }),

  'issues/delete-comment': answerNow((ctx) => {
    deleteComment(ctx, {
      repo: requireRepo(ctx),
      commentId: Number(ctx.params.comment_id),
      actor: actorOf(ctx.caller),
    });
    return { status: 204 };
  }),
};
