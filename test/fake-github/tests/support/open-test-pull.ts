import type { PullIssue } from '../../render/pull-request.js';
import type { RepoState } from '../../world/types.js';
import type { World } from '../../world/world.js';
import { newIssue, newPullState } from '../../domain/pulls/pull-record.js';

export interface TestPullInput {
  author?: string;
  branch?: string;
  base?: string;
  title?: string;
  files?: Record<string, string>;
}

/**
 * Opens a pull request straight in the world, without webhooks or mergeability (left stale),
 * so these tests do not depend on the pulls area: the head is a real branch with one commit.
 */
export async function openTestPull(
  world: World,
  repo: RepoState,
  input: TestPullInput = {},
): Promise<PullIssue> {
  const {
    author = 'alice',
    branch = 'feature/x',
    base = repo.defaultBranch,
    title = 'Change a',
    files = { 'a.txt': 'a\n' },
  } = input;
  const account = world.account(author);
  const baseSha = await repo.git.resolveRef(`refs/heads/${base}`);
  if (baseSha === undefined) throw new Error(`openTestPull: no branch ${base}`);
  await repo.git.createRef(`refs/heads/${branch}`, baseSha);
  const { sha } = await repo.git.commitFiles({
    branch,
    files,
    message: title,
    author: { name: author, email: account.email },
    date: world.clock.tick(),
  });
  const now = world.clock.now();
  const issue: PullIssue = {
    ...newIssue(world, repo, { title, body: null, author: account, at: now }),
    pull: newPullState({
      headRepo: repo.fullName,
      headRef: branch,
      headSha: sha,
      baseRef: base,
      baseSha,
      draft: false,
      maintainerCanModify: false,
    }),
  };
  repo.issues.set(issue.number, issue);
  return issue;
}
