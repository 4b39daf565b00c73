import type { CommitFacts } from './port.js';
import { readGitHub } from './call-github.js';
import type { RepoContext } from './repo-context.js';

export async function getCommit(ctx: RepoContext, sha: string): Promise<CommitFacts> {
  const { data } = await readGitHub(ctx, 'git/get-commit', () =>
    ctx.octokit.rest.git.getCommit({ owner: ctx.owner, repo: ctx.repo, commit_sha: sha }),
  );
  return {
    sha: data.sha,
    tree: data.tree.sha,
    parents: data.parents.map((p) => p.sha),
    message: data.message,
  };
}
