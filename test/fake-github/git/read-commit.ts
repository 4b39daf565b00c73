import { parseCommit } from './parse-commit.js';
import { readObjects } from './read-objects.js';
import type { GitRunner } from './run-git.js';
import type { CommitInfo } from './types.js';

/** Any revision peeled to its commit; undefined when it names none. */
export async function readCommit(git: GitRunner, rev: string): Promise<CommitInfo | undefined> {
  if (rev.startsWith('-')) return undefined;
  const [object] = await readObjects(git, [`${rev}^{commit}`]);
  return object === undefined ? undefined : parseCommit(object.sha, object.content);
}

/** File content at a revision; undefined when the revision or path is missing or not a file. */
export async function readFileAt(
  git: GitRunner,
  rev: string,
  path: string,
): Promise<{ sha: string; content: Buffer } | undefined> {
  const [object] = await readObjects(git, [`${rev}:${path}`]);
  return object?.type === 'blob' ? { sha: object.sha, content: object.content } : undefined;
}
