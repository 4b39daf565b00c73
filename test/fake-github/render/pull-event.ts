import type { World } from '../world/world.js';
import type { RepoState } from '../world/types.js';
import { renderPullRequest, type PullIssue, type PullStats } from './pull-request.js';

/**
 * The body of a `pull_request` webhook (repository, sender, installation are added per app).
 * `extra` carries the action's own fields: `before`/`after` for synchronize, `changes` for edited.
 */
export function renderPullEventPayload(
  world: World,
  repo: RepoState,
  issue: PullIssue,
  facts: { baseSha: string; stats: PullStats },
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    number: issue.number,
    pull_request: renderPullRequest(world, repo, issue, facts),
    ...extra,
  };
}
