import { parseCommit } from './parse-commit.js';
import { readObjects } from './read-objects.js';
import { requireCommit } from './revisions.js';
import type { GitRunner } from './run-git.js';
import type { CommitInfo } from './types.js';

export type ListCommitsInput = {
  head: string;
  /** Exclude what this revision reaches (`base..head`). */
  base?: string;
  /** git's (and `GET commits`') default is newest first; PR commits and compare are oldest first. */
  order?: 'newest-first' | 'oldest-first';
  max?: number;
};

export async function listCommits(git: GitRunner, input: ListCommitsInput): Promise<CommitInfo[]> {
  const shas = await listCommitShas(git, input);
  const objects = await readObjects(git, shas);
  return objects.map((object, i) => parseCommit(shas[i]!, object!.content));
}

export async function listCommitShas(git: GitRunner, input: ListCommitsInput): Promise<string[]> {
  const head = await requireCommit(git, input.head);
  const range =
    input.base === undefined ? [head] : [`^${await requireCommit(git, input.base)}`, head];
  const args = ['rev-list', ...range];
  const { stdout } = await git(args);
  const newestFirst = stdout.toString('utf8').split('\n').filter(Boolean);
  // rev-list applies --max-count before --reverse, so cap and reorder here instead.
  const ordered = input.order === 'oldest-first' ? newestFirst.reverse() : newestFirst;
  return input.max === undefined ? ordered : ordered.slice(0, input.max);
}
