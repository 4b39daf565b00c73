import type { Account, Issue, IssueComment, RepoState } from '../world/types.js';
import type { Services } from '../world/services.js';
import { notFound, validationFailed } from '../http/github-error.js';
import { renderComment } from '../render/comment.js';
import { renderIssue } from '../render/issue.js';

/** Comment ids are repository-wide on GitHub (`/issues/comments/{id}`), not per issue. */
export function requireComment(repo: RepoState, commentId: number): IssueComment {
  const comment = repo.comments.get(commentId);
  if (!comment) throw notFound();
  return comment;
}

export function commentsOn(repo: RepoState, issueNumber: number): IssueComment[] {
  return [...repo.comments.values()]
    .filter((c) => c.issueNumber === issueNumber)
    .sort((a, b) => a.id - b.id);
}

function requireBody(body: string): void {
  if (body.trim() === '') throw validationFailed('IssueComment', 'body', 'missing_field');
}

/**
 * `issue_comment` webhooks carry the issue as an issue even for pull requests (with its
 * `pull_request` links), never the pull request object.
 */
function emitCommentEvent(
  services: Services,
  input: {
    repo: RepoState;
    comment: IssueComment;
    action: string;
    actor: Account;
    extra?: Record<string, unknown>;
  },
): void {
  const { world, webhooks } = services;
  const issue = input.repo.issues.get(input.comment.issueNumber);
  if (!issue) return;
  const payload = {
    issue: renderIssue(world, input.repo, issue),
    comment: renderComment(world, input.repo, input.comment),
    ...input.extra,
  };
  webhooks.emit({
    repo: input.repo,
    event: 'issue_comment',
    action: input.action,
    payload,
    sender: input.actor,
  });
}

export interface NewComment {
  repo: RepoState;
  issue: Issue;
  body: string;
  /** The user, or the app's bot for an installation token. */
  author: Account;
}

export interface CommentChange {
  repo: RepoState;
  commentId: number;
  actor: Account;
}

export function createComment(services: Services, input: NewComment): IssueComment {
  requireBody(input.body);
  const now = services.world.clock.tick();
  const comment: IssueComment = {
    id: services.world.ids.next('comment'),
    issueNumber: input.issue.number,
    user: input.author,
    body: input.body,
    createdAt: now,
    updatedAt: now,
  };
  input.repo.comments.set(comment.id, comment);
  input.issue.updatedAt = now;
  emitCommentEvent(services, { repo: input.repo, comment, action: 'created', actor: input.author });
  return comment;
}

export function updateComment(
  services: Services,
  input: CommentChange & { body: string },
): IssueComment {
  const comment = requireComment(input.repo, input.commentId);
  requireBody(input.body);
  const from = comment.body;
  comment.body = input.body;
  comment.updatedAt = services.world.clock.tick();
  emitCommentEvent(services, {
    repo: input.repo,
    comment,
    action: 'edited',
    actor: input.actor,
    extra: { changes: { body: { from } } },
  });
  return comment;
}

export function deleteComment(services: Services, input: CommentChange): void {
  const comment = requireComment(input.repo, input.commentId);
  input.repo.comments.delete(comment.id);
  emitCommentEvent(services, { repo: input.repo, comment, action: 'deleted', actor: input.actor });
}
