import type { World } from '../world/world.js';
import type { CommitStatus, RepoState } from '../world/types.js';
import { nodeId } from '../world/ids.js';
import { iso, renderRepository, renderUser } from './basics.js';
import { renderCommit } from './commit.js';

function statusUrl(world: World, repo: RepoState, sha: string): string {
  return `${world.apiUrl}/repos/${repo.fullName}/statuses/${sha}`;
}

/** `simple-commit-status`: an entry of the combined status. */
export function renderSimpleStatus(
  world: World,
  repo: RepoState,
  status: CommitStatus,
): Record<string, unknown> {
  return {
    id: status.id,
    node_id: nodeId('SC', status.id),
    state: status.state,
    description: status.description,
    target_url: status.targetUrl,
    context: status.context,
    avatar_url: `${world.baseUrl}/avatars/u/${status.creator.id}`,
    url: statusUrl(world, repo, status.sha),
    created_at: iso(status.createdAt),
    updated_at: iso(status.updatedAt),
  };
}

/** `status`: what create and list answer, with its creator. */
export function renderStatus(
  world: World,
  repo: RepoState,
  status: CommitStatus,
): Record<string, unknown> {
  return { ...renderSimpleStatus(world, repo, status), creator: renderUser(world, status.creator) };
}

export function renderCombinedStatus(
  world: World,
  repo: RepoState,
  input: { sha: string; state: string; statuses: CommitStatus[]; total: number },
): Record<string, unknown> {
  const api = `${world.apiUrl}/repos/${repo.fullName}`;
  return {
    state: input.state,
    statuses: input.statuses.map((s) => renderSimpleStatus(world, repo, s)),
    sha: input.sha,
    total_count: input.total,
    repository: renderRepository(world, repo),
    commit_url: `${api}/commits/${input.sha}`,
    url: `${api}/commits/${input.sha}/status`,
  };
}

/** GitHub lists up to 10 branches that contain the commit, with their heads. */
const webhookBranchLimit = 10;

/** The `status` webhook body (repository, sender, installation are added per app). */
export async function renderStatusEvent(
  world: World,
  repo: RepoState,
  status: CommitStatus,
): Promise<Record<string, unknown>> {
  const commit = await repo.git.readCommit(status.sha);
  if (!commit) throw new Error(`fake-github: status on unknown commit ${status.sha}`);
  const branches = [];
  for (const ref of await repo.git.listRefs('refs/heads/')) {
    if (branches.length >= webhookBranchLimit) break;
    if (!(await repo.git.isAncestor(status.sha, ref.sha))) continue;
    const name = ref.ref.slice('refs/heads/'.length);
    branches.push({
      name,
      commit: { sha: ref.sha, url: `${world.apiUrl}/repos/${repo.fullName}/commits/${ref.sha}` },
      protected: repo.protection.has(name),
    });
  }
  return {
    id: status.id,
    sha: status.sha,
    name: repo.fullName,
    target_url: status.targetUrl,
    avatar_url: `${world.baseUrl}/avatars/u/${status.creator.id}`,
    context: status.context,
    description: status.description,
    state: status.state,
    commit: renderCommit(world, repo, commit),
    branches,
    created_at: iso(status.createdAt),
    updated_at: iso(status.updatedAt),
  };
}
