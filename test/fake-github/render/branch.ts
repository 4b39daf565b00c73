import type { World } from '../world/world.js';
import type { BranchProtection, RepoState } from '../world/types.js';
import type { CommitInfo } from '../git/index.js';
import { renderCommit } from './commit.js';
import { renderProtectionSummary } from './protection.js';

/** `repos/get-branch` (`branch-with-protection`): the tip commit and a protection summary. */
export function renderBranch(
  world: World,
  repo: RepoState,
  name: string,
  commit: CommitInfo,
  protection: BranchProtection | undefined,
): Record<string, unknown> {
  const api = `${world.apiUrl}/repos/${repo.fullName}`;
  return {
    name,
    commit: renderCommit(world, repo, commit),
    _links: {
      self: `${api}/branches/${name}`,
      html: `${world.baseUrl}/${repo.fullName}/tree/${name}`,
    },
    protected: protection !== undefined,
    protection: renderProtectionSummary(protection),
    protection_url: `${api}/branches/${name}/protection`,
  };
}
