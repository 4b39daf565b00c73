import type { World } from '../world/world.js';
import type { RepoState } from '../world/types.js';
import type { CommitInfo, Comparison } from '../git/index.js';
import { renderCommit } from './commit.js';
import { renderDiffEntry } from './files.js';

/** `commit-comparison`; `base`/`head` are the names as the caller wrote them, as in GitHub's URLs. */
export function renderComparison(
  world: World,
  repo: RepoState,
  input: {
    base: string;
    head: string;
    comparison: Comparison;
    baseCommit: CommitInfo;
    mergeBaseCommit: CommitInfo;
  },
): Record<string, unknown> {
  const { comparison } = input;
  const spec = `${input.base}...${input.head}`;
  const html = `${world.baseUrl}/${repo.fullName}/compare/${spec}`;
  return {
    url: `${world.apiUrl}/repos/${repo.fullName}/compare/${spec}`,
    html_url: html,
    permalink_url: `${world.baseUrl}/${repo.fullName}/compare/${repo.owner.login}:${comparison.baseSha.slice(0, 7)}...${repo.owner.login}:${comparison.headSha.slice(0, 7)}`,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    base_commit: renderCommit(world, repo, input.baseCommit),
    merge_base_commit: renderCommit(world, repo, input.mergeBaseCommit),
    status: comparison.status,
    ahead_by: comparison.aheadBy,
    behind_by: comparison.behindBy,
    total_commits: comparison.totalCommits,
    commits: comparison.commits.map((commit) => renderCommit(world, repo, commit)),
    files: comparison.files.map((file) => renderDiffEntry(world, repo, comparison.headSha, file)),
  };
}
