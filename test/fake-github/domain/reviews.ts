import type { Account, RepoState, Review } from '../world/types.js';
import type { Services } from '../world/services.js';
import type { PullIssue } from '../render/pull-request.js';
import { GitHubError } from '../http/github-error.js';
import { renderPullRequestBase } from '../render/pull-request.js';
import { renderWebhookReview } from '../render/review.js';
import { readPullFacts } from './pulls/pull-facts.js';

export type ReviewEvent = 'APPROVE' | 'REQUEST_CHANGES' | 'COMMENT';

export interface NewReview {
  repo: RepoState;
  issue: PullIssue;
  reviewer: Account;
  event: ReviewEvent;
  body?: string;
  /** Defaults to the pull request's head, as on GitHub. */
  commitId?: string;
}

/** GitHub answers these refusals as `validation_failed_simple`: errors are plain strings. */
function refuse(reason: string): GitHubError {
  return new GitHubError(422, 'Unprocessable Entity', { errors: [reason] });
}

function stateOf(event: ReviewEvent): Review['state'] {
  switch (event) {
    case 'APPROVE':
      return 'APPROVED';
    case 'REQUEST_CHANGES':
      return 'CHANGES_REQUESTED';
    case 'COMMENT':
      return 'COMMENTED';
  }
}

/** The author may comment on their own pull request but never approve it or request changes. */
function checkAllowed(input: NewReview, body: string): void {
  const ownPull = input.reviewer.id === input.issue.user.id;
  if (ownPull && input.event === 'APPROVE') throw refuse('Can not approve your own pull request');
  if (ownPull && input.event === 'REQUEST_CHANGES')
    throw refuse('Can not request changes on your own pull request');
  if (input.event !== 'APPROVE' && body.trim() === '')
    throw refuse(`Body is required for ${input.event} reviews`);
}

/** Submits a review and sends `pull_request_review.submitted` (with the pull request, minus merge facts). */
export async function submitReview(services: Services, input: NewReview): Promise<Review> {
  const { world, webhooks } = services;
  const body = input.body ?? '';
  checkAllowed(input, body);
  const review: Review = {
    id: world.ids.next('review'),
    user: input.reviewer,
    state: stateOf(input.event),
    commitId: input.commitId ?? input.issue.pull.headSha,
    submittedAt: world.clock.tick(),
    body,
  };
  input.issue.pull.reviews.push(review);
  const { repo, issue } = input;
  const facts = await readPullFacts(repo, issue);
  const payload = {
    review: renderWebhookReview(world, repo, issue, review),
    pull_request: renderPullRequestBase(world, repo, issue, facts.baseSha),
  };
  webhooks.emit({
    repo,
    event: 'pull_request_review',
    action: 'submitted',
    payload,
    sender: input.reviewer,
  });
  return review;
}
