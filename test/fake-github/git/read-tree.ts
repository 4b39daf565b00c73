import { ObjectNotFoundError } from './errors.js';
import type { GitRunner } from './run-git.js';
import type { ObjectType, TreeEntry } from './types.js';

/**
 * `GET git/trees/{sha}[?recursive=1]`. Recursive listings include the subtrees themselves
 * (`-t`), as GitHub's do.
 */
export async function readTree(
  git: GitRunner,
  treeish: string,
  options: { recursive?: boolean } = {},
): Promise<TreeEntry[]> {
  const args = ['ls-tree', '-z', '-l', '--full-tree'];
  if (options.recursive) args.push('-r', '-t');
  const { stdout } = await git([...args, treeish]).catch((cause) => {
    throw new ObjectNotFoundError(treeish, { cause });
  });
  return stdout
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      // "<mode> <type> <sha> <size, space-padded or ->\t<path>"
      const match = /^(\d+) (\w+) ([0-9a-f]+) +(\S+)\t(.*)$/s.exec(line);
      if (!match) throw new Error(`Unparseable ls-tree line: ${JSON.stringify(line)}`);
      const size = match[4] === '-' ? undefined : Number(match[4]);
      return {
        path: match[5]!,
        mode: match[1]!,
        type: match[2] as ObjectType,
        sha: match[3]!,
        ...(size === undefined ? {} : { size }),
      };
    });
}
