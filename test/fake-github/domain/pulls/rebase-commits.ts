import type { RepoState } from '../../world/types.js';
import type { Signature } from '../../git/index.js';

export class RebaseConflictError extends Error {
  override name = 'RebaseConflictError';
}

/**
 * Replays base..head onto `onto` without a work tree. git 2.39's merge-tree has no
 * `--merge-base`, so each cherry-pick of C (parent P) merges a stand-in commit — the current
 * tip's tree with P as its only parent — with C: their merge base is then exactly P, which
 * is the three-way merge a cherry-pick does. Merge commits are dropped, as `git rebase` does.
 */
export async function rebaseCommits(input: {
  repo: RepoState;
  onto: string;
  head: string;
  committer: Signature;
}): Promise<string> {
  const { git } = input.repo;
  const commits = await git.listCommits({
    base: input.onto,
    head: input.head,
    order: 'oldest-first',
  });
  let tip = input.onto;
  for (const commit of commits.filter((c) => c.parents.length === 1)) {
    const parent = commit.parents[0]!;
    const tipTree = (await git.treeOf(tip))!;
    const standIn = await git.createCommit({
      tree: tipTree,
      parents: [parent],
      message: 'rebase stand-in',
      author: input.committer,
    });
    const merged = await git.mergeTrees(standIn, commit.sha);
    if (merged.kind !== 'clean')
      throw new RebaseConflictError(`${commit.sha} does not apply on ${tip}`);
    tip = await git.createCommit({
      tree: merged.tree,
      parents: [tip],
      message: commit.message,
      author: commit.author,
      committer: input.committer,
    });
  }
  return tip;
}
