import type { GitRunner } from './run-git.js';

/**
 * The commits a newly created ref brings that no other ref of the repository reaches, oldest
 * first: what a push webhook lists for a created branch (a branch made at an existing commit
 * lists none, though `head_commit` still names its tip).
 */
export async function newCommitShas(
  git: GitRunner,
  input: { ref: string; sha: string; max: number },
): Promise<string[]> {
  // `--exclude` keeps the created ref itself out of `--all`, which would otherwise hide it all.
  const { stdout } = await git([
    'rev-list',
    '--reverse',
    input.sha,
    '--not',
    `--exclude=${input.ref}`,
    '--all',
  ]);
  return stdout.toString('utf8').split('\n').filter(Boolean).slice(0, input.max);
}
