import { GitCommandError } from './errors.js';
import { requireCommit } from './revisions.js';
import type { GitRunner } from './run-git.js';
import type { MergeMessage, MergeResult } from './types.js';

export type MergeTreesOptions = {
  /** Also collect git's informational messages ("CONFLICT (content): Merge conflict in x"). */
  messages?: boolean;
};

/**
 * Mergeability without a work tree (git >= 2.38). Exit 0: clean, exit 1: conflicts (the
 * tree then holds conflict markers), exit 128: failure, including unrelated histories.
 */
export async function mergeTrees(
  git: GitRunner,
  base: string,
  head: string,
  options: MergeTreesOptions = {},
): Promise<MergeResult> {
  const [baseSha, headSha] = await Promise.all([
    requireCommit(git, base),
    requireCommit(git, head),
  ]);
  const args = ['merge-tree', '--write-tree', '--name-only', '-z'];
  args.push(options.messages ? '--messages' : '--no-messages', baseSha, headSha);
  const result = await git(args, { okExitCodes: [0, 1] }).catch((cause: unknown) => {
    if (cause instanceof GitCommandError && cause.stderr.includes('unrelated histories')) {
      return undefined;
    }
    throw cause;
  });
  if (result === undefined) return { kind: 'unrelated' };
  const fields = result.stdout.toString('utf8').split('\0');
  const tree = fields[0]!;
  // Conflicted paths run up to an empty field, which only appears when messages follow.
  const pathsEnd = fields.indexOf('', 1);
  const paths = fields.slice(1, pathsEnd === -1 ? fields.length : pathsEnd);
  const messages = options.messages ? parseMessages(fields.slice(pathsEnd + 1)) : [];
  if (result.exitCode === 0) return { kind: 'clean', tree, messages };
  return { kind: 'conflict', tree, paths: [...new Set(paths)], messages };
}

/** With -z each message is `<count>\0<path>...\0<type>\0<text>\0`. */
function parseMessages(fields: string[]): MergeMessage[] {
  const messages: MergeMessage[] = [];
  let i = 0;
  while (i < fields.length && fields[i] !== '') {
    const count = Number(fields[i]);
    const paths = fields.slice(i + 1, i + 1 + count);
    const type = fields[i + 1 + count] ?? '';
    const message = (fields[i + 2 + count] ?? '').trimEnd();
    messages.push({ paths, type, message });
    i += count + 3;
  }
  return messages;
}
