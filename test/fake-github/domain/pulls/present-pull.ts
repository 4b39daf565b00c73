import type { World } from '../../world/world.js';
import type { RepoState } from '../../world/types.js';
import {
  renderPullRequest,
  renderPullRequestBase,
  type PullIssue,
} from '../../render/pull-request.js';
import { readPullFacts } from './pull-facts.js';

/** The full `pull-request` as pulls/get, pulls/create and pulls/update answer it. */
export async function presentPull(
  world: World,
  repo: RepoState,
  issue: PullIssue,
): Promise<Record<string, unknown>> {
  return renderPullRequest(world, repo, issue, await readPullFacts(repo, issue));
}

/** `pull-request-simple` for pulls/list: no counts and no mergeability, as GitHub's list omits them. */
export async function presentPullSimple(
  world: World,
  repo: RepoState,
  issue: PullIssue,
): Promise<Record<string, unknown>> {
  const tip =
    issue.state === 'open'
      ? await repo.git.resolveRef(`refs/heads/${issue.pull.baseRef}`)
      : undefined;
  return renderPullRequestBase(world, repo, issue, tip ?? issue.pull.baseSha);
}
