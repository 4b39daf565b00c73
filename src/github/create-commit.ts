import type { CommitFacts, Person } from './port.js';
import { writeGitHub } from './call-github.js';
import type { RepoContext } from './repo-context.js';
import { writeOnce } from './repo-context.js';

export interface NewCommit {
  tree: string;
  parents: string[];
  message: string;
  /** Without it GitHub signs as the app's bot at the current time. */
  author?: Person & { date: string };
}

/**
 * Sent once: a failure is reported, never repeated here. A lost answer leaves at worst an
 * unreferenced commit object behind, so the orchestrator may simply build again.
 */
export async function createCommit(ctx: RepoContext, input: NewCommit): Promise<CommitFacts> {
  const { data } = await writeGitHub(ctx, 'git/create-commit', () =>
    ctx.octokit.rest.git.createCommit({
      owner: ctx.owner,
      repo: ctx.repo,
      tree: input.tree,
      parents: input.parents,
      message: input.message,
      ...(input.author === undefined ? {} : { author: input.author }),
      request: writeOnce,
    }),
  );
  ctx.log?.debug({ sha: data.sha, parents: input.parents }, 'created commit');
  return {
    sha: data.sha,
    tree: data.tree.sha,
    parents: data.parents.map((p) => p.sha),
    message: data.message,
  };
}
