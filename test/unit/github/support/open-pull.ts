import type { GitHubKit } from './github-kit.js';
import type { RepoState } from '../../../fake-github/world/types.js';
import {
  openPullRequest,
  type OpenPullRequestInput,
} from '../../../fake-github/control/pull-ops.js';

/** A PR by alice from `feature/<n>` adding one file, unless the test says otherwise. */
export async function openPull(
  kit: GitHubKit,
  repo: RepoState,
  input: Partial<OpenPullRequestInput> = {},
): Promise<{ number: number; headSha: string }> {
  const branch = input.branch ?? `feature/${repo.issues.size + 1}`;
  const issue = await openPullRequest(kit.services, {
    repo,
    author: 'alice',
    branch,
    commits: [{ message: `feat: add ${branch}`, files: { [`${branch}.txt`]: `${branch}\n` } }],
    ...input,
  });
  return { number: issue.number, headSha: issue.pull.headSha };
}
