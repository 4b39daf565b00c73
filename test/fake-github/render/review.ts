import type { World } from '../world/world.js';
import type { Issue, RepoState, Review } from '../world/types.js';
import { nodeId } from '../world/ids.js';
import { iso, renderUser } from './basics.js';
import { authorAssociation } from './issue.js';

/** The REST `pull-request-review` (pulls/create-review, pulls/list-reviews). */
export function renderReview(
  world: World,
  repo: RepoState,
  issue: Issue,
  review: Review,
): Record<string, unknown> {
  const pullUrl = `${world.apiUrl}/repos/${repo.fullName}/pulls/${issue.number}`;
  const html = `${world.baseUrl}/${repo.fullName}/pull/${issue.number}#pullrequestreview-${review.id}`;
  return {
    id: review.id,
    node_id: nodeId('PRR', review.id),
    user: renderUser(world, review.user),
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: pullUrl,
    _links: { html: { href: html }, pull_request: { href: pullUrl } },
    submitted_at: iso(review.submittedAt),
    commit_id: review.commitId,
    author_association: authorAssociation(repo, review.user),
  };
}

/**
 * The review in `pull_request_review` webhooks differs from REST: the state is lower case
 * (`approved`, `changes_requested`, `commented`) and an empty body is null.
 */
export function renderWebhookReview(
  world: World,
  repo: RepoState,
  issue: Issue,
  review: Review,
): Record<string, unknown> {
  const rest = renderReview(world, repo, issue, review);
  return {
    ...rest,
    state: review.state.toLowerCase(),
    body: review.body === '' ? null : review.body,
  };
}
