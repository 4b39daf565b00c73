import type { FakeGitHub } from '../../../fake-github.js';
import type { Issue, RepoState } from '../../../world/types.js';

/**
 * A pull request put straight into the world (no webhooks, stale mergeability), so these
 * tests do not depend on the pulls area; the test tells CI with `gh.pulls.changed`.
 */
export async function putTestPull(
  gh: FakeGitHub,
  repo: RepoState,
  input: { branch: string; title: string; author?: string },
): Promise<Issue> {
  const author = gh.world.account(input.author ?? 'alice');
  const baseSha = (await repo.git.resolveRef(`refs/heads/${repo.defaultBranch}`))!;
  await repo.git.createRef(`refs/heads/${input.branch}`, baseSha);
  const { sha } = await repo.git.commitFiles({
    branch: input.branch,
    files: { 'pr.txt': `${input.title}\n` },
    message: input.title,
    author: { name: author.login, email: author.email },
    date: gh.world.clock.tick(),
  });
  const now = gh.world.clock.now();
  const number = Math.max(0, ...repo.issues.keys()) + 1;
  const issue: Issue = {
    number,
    id: gh.world.ids.next('issue'),
    title: input.title,
    body: null,
    user: author,
    state: 'open',
    labels: [],
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    pull: {
      headRepo: repo.fullName,
      headRef: input.branch,
      headSha: sha,
      baseRef: repo.defaultBranch,
      baseSha,
      draft: false,
      merged: false,
      mergedAt: null,
      mergedBy: null,
      mergeCommitSha: null,
      maintainerCanModify: false,
      mergeability: {
        state: 'stale',
        mergeable: null,
        mergeableState: 'unknown',
        testMergeSha: null,
        conflicts: [],
      },
      reviews: [],
    },
  };
  repo.issues.set(number, issue);
  return issue;
}
