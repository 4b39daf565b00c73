import type { GitRunner } from './run-git.js';

export type RawObject = { sha: string; type: string; content: Buffer };

/**
 * Reads many objects with one `git cat-file --batch`. Each name may be any revision
 * expression (`main:src/a.ts`, `abc123^{commit}`); unknown ones come back undefined.
 */
export async function readObjects(
  git: GitRunner,
  names: readonly string[],
): Promise<Array<RawObject | undefined>> {
  if (names.length === 0) return [];
  // The batch protocol is line-based: a name with a newline would desynchronise it.
  const askable = names.map((name) => (name.includes('\n') ? '' : name));
  const { stdout } = await git(['cat-file', '--batch'], { input: askable.join('\n') + '\n' });
  const objects: Array<RawObject | undefined> = [];
  let offset = 0;
  for (let i = 0; i < askable.length; i += 1) {
    const end = stdout.indexOf(0x0a, offset);
    const header = stdout.subarray(offset, end).toString('utf8');
    offset = end + 1;
    const match = /^([0-9a-f]+) (\S+) (\d+)$/.exec(header);
    if (!match) {
      // "<name> missing" or "<name> ambiguous"
      objects.push(undefined);
      continue;
    }
    const size = Number(match[3]);
    objects.push({
      sha: match[1]!,
      type: match[2]!,
      content: stdout.subarray(offset, offset + size),
    });
    offset += size + 1;
  }
  return objects;
}
