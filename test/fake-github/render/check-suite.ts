import type { World } from '../world/world.js';
import type { CheckSuite, RepoState } from '../world/types.js';
import { nodeId } from '../world/ids.js';
import { iso, renderRepository } from './basics.js';
import { renderApp } from './apps.js';
import { renderMinimalPulls } from './check-run.js';
import { displayMessage } from './commit.js';

/** `simple-commit`, as suites and workflow runs show their head commit. */
export async function renderSimpleCommit(
  repo: RepoState,
  sha: string,
): Promise<Record<string, unknown> | null> {
  const commit = await repo.git.readCommit(sha);
  if (!commit) return null;
  return {
    id: commit.sha,
    tree_id: commit.tree,
    message: displayMessage(commit.message),
    timestamp: iso(commit.committer.date),
    author: { name: commit.author.name, email: commit.author.email },
    committer: { name: commit.committer.name, email: commit.committer.email },
  };
}

/** A check suite as REST answers it and as `check_suite` webhooks carry it. */
export async function renderCheckSuite(
  world: World,
  repo: RepoState,
  suite: CheckSuite,
): Promise<Record<string, unknown>> {
  const url = `${world.apiUrl}/repos/${repo.fullName}/check-suites/${suite.id}`;
  const app = world.apps.get(suite.appId);
  const runs = [...repo.checkRuns.values()].filter((run) => run.suiteId === suite.id);
  return {
    id: suite.id,
    node_id: nodeId('CS', suite.id),
    head_branch: suite.headBranch,
    head_sha: suite.headSha,
    status: suite.status,
    conclusion: suite.conclusion,
    url,
    before: null,
    after: suite.headSha,
    pull_requests: renderMinimalPulls(world, repo, suite.headSha),
    app: app ? renderApp(world, app) : null,
    repository: renderRepository(world, repo),
    created_at: iso(suite.createdAt),
    updated_at: iso(suite.updatedAt),
    head_commit: await renderSimpleCommit(repo, suite.headSha),
    latest_check_runs_count: new Set(runs.map((run) => run.name)).size,
    check_runs_url: `${url}/check-runs`,
    rerequestable: true,
    runs_rerequestable: true,
  };
}
