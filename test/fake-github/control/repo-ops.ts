/**
 * Harness operations on issues and pull requests (and, re-exported, the admin's), for tests
 * to compose into a repo handle. They run the same domain code as the REST handlers, so they
 * send the same webhooks, with the acting user as sender.
 */
import type { Services } from '../world/services.js';
import type { Issue, IssueComment, Label, RepoState, Review } from '../world/types.js';
import { createIssue, requireIssue } from '../domain/issues.js';
import { requirePull } from '../domain/pulls/pull-record.js';
import { addLabels, removeLabel as removeIssueLabel } from '../domain/labels.js';
import { commentsOn, createComment, updateComment } from '../domain/comments.js';
import { submitReview } from '../domain/reviews.js';

export * from './repo-admin-ops.js';

/** Something a user does to issue or pull request `number`. */
export interface IssueAction {
  repo: RepoState;
  number: number;
  /** Login of the acting user (created on first use). */
  by: string;
}

export function addLabel(
  services: Services,
  input: IssueAction & { label: string },
): Promise<Label[]> {
  const issue = requireIssue(input.repo, input.number);
  return addLabels(services, {
    repo: input.repo,
    issue,
    names: [input.label],
    actor: services.world.account(input.by),
  });
}

export function removeLabel(
  services: Services,
  input: IssueAction & { label: string },
): Promise<Label[]> {
  const issue = requireIssue(input.repo, input.number);
  return removeIssueLabel(services, {
    repo: input.repo,
    issue,
    name: input.label,
    actor: services.world.account(input.by),
  });
}

export function comment(services: Services, input: IssueAction & { body: string }): IssueComment {
  const issue = requireIssue(input.repo, input.number);
  return createComment(services, {
    repo: input.repo,
    issue,
    body: input.body,
    author: services.world.account(input.by),
  });
}

export function editComment(
  services: Services,
  input: { repo: RepoState; commentId: number; body: string; by: string },
): IssueComment {
  return updateComment(services, {
    repo: input.repo,
    commentId: input.commentId,
    body: input.body,
    actor: services.world.account(input.by),
  });
}

/** Refused (422, as on GitHub) when `by` wrote the pull request. */
export function approve(
  services: Services,
  input: IssueAction & { body?: string },
): Promise<Review> {
  const issue = requirePull(input.repo, input.number);
  return submitReview(services, {
    repo: input.repo,
    issue,
    reviewer: services.world.account(input.by),
    event: 'APPROVE',
    body: input.body,
  });
}

export function requestChanges(
  services: Services,
  input: IssueAction & { body: string },
): Promise<Review> {
  const issue = requirePull(input.repo, input.number);
  return submitReview(services, {
    repo: input.repo,
    issue,
    reviewer: services.world.account(input.by),
    event: 'REQUEST_CHANGES',
    body: input.body,
  });
}

export function createPlainIssue(
  services: Services,
  input: { repo: RepoState; title: string; body?: string; by: string; labels?: string[] },
): Promise<Issue> {
  return createIssue(services, {
    repo: input.repo,
    author: services.world.account(input.by),
    title: input.title,
    body: input.body,
    labels: input.labels,
  });
}

export function labelsOf(
  _services: Services,
  input: { repo: RepoState; number: number },
): string[] {
  return [...requireIssue(input.repo, input.number).labels];
}

export function commentsOf(
  _services: Services,
  input: { repo: RepoState; number: number },
): IssueComment[] {
  requireIssue(input.repo, input.number);
  return commentsOn(input.repo, input.number);
}
