import { parseSignature } from './signature.js';
import type { CommitInfo } from './types.js';

/** Parses a raw commit object (`git cat-file commit`); the message is kept byte for byte. */
export function parseCommit(sha: string, raw: Buffer): CommitInfo {
  const text = raw.toString('utf8');
  const split = text.indexOf('\n\n');
  const headerText = split === -1 ? text : text.slice(0, split);
  const message = split === -1 ? '' : text.slice(split + 2);
  let tree: string | undefined;
  const parents: string[] = [];
  let author: string | undefined;
  let committer: string | undefined;
  for (const line of headerText.split('\n')) {
    // Continuation lines (a space first) belong to multi-line headers such as gpgsig.
    if (line.startsWith(' ')) continue;
    const space = line.indexOf(' ');
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === 'tree') tree = value;
    else if (key === 'parent') parents.push(value);
    else if (key === 'author') author = value;
    else if (key === 'committer') committer = value;
  }
  if (tree === undefined || author === undefined || committer === undefined) {
    throw new Error(`Commit ${sha} lacks a tree, author or committer header`);
  }
  return {
    sha,
    tree,
    parents,
    author: parseSignature(author),
    committer: parseSignature(committer),
    message,
  };
}
