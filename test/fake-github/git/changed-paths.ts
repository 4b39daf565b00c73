import type { GitRunner } from './run-git.js';

export interface ChangedPaths {
  added: string[];
  removed: string[];
  modified: string[];
}

/** "A maximum of 3000 changed files will be reported per commit" (GitHub's push webhook schema). */
export const PUSH_FILE_LIMIT = 3000;

/**
 * The paths a commit added, removed and modified, as a push webhook lists them: against its
 * first parent (everything is added in a root commit), without rename detection (a rename is
 * the old path removed and the new one added), a type change counted as a modification.
 */
export async function changedPaths(
  git: GitRunner,
  commit: { sha: string; parents: readonly string[] },
): Promise<ChangedPaths> {
  const [parent] = commit.parents;
  const range = parent === undefined ? ['--root', commit.sha] : [parent, commit.sha];
  const { stdout } = await git([
    'diff-tree',
    '-r',
    '-z',
    '--no-renames',
    '--no-commit-id',
    '--name-status',
    ...range,
  ]);
  const fields = stdout.toString('utf8').split('\0');
  const paths: ChangedPaths = { added: [], removed: [], modified: [] };
  let reported = 0;
  for (let i = 0; i + 1 < fields.length && reported < PUSH_FILE_LIMIT; i += 2) {
    const list = listFor(fields[i]!);
    list(paths).push(fields[i + 1]!);
    reported += 1;
  }
  return paths;
}

/** A tree-to-tree diff without renames says A, D, M or T; anything else fails loudly. */
function listFor(status: string): (paths: ChangedPaths) => string[] {
  switch (status) {
    case 'A':
      return (p) => p.added;
    case 'D':
      return (p) => p.removed;
    case 'M':
    case 'T':
      return (p) => p.modified;
    default:
      throw new Error(`fake-github: unexpected diff-tree status ${JSON.stringify(status)}`);
  }
}
