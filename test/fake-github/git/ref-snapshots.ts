import type { GitRepo } from './git-repo.js';

/** git's and GitHub's `before`/`after` for a ref that did not exist / no longer exists. */
export const ZERO_SHA = '0000000000000000000000000000000000000000';

export type RefChange = { ref: string; before: string; after: string };

export type RefSnapshot = ReadonlyMap<string, string>;

export async function snapshotRefs(repo: GitRepo): Promise<RefSnapshot> {
  const refs = await repo.listRefs('refs/');
  return new Map(refs.map((ref) => [ref.ref, ref.sha]));
}

/** Created, moved and deleted refs, sorted by name. */
export function diffRefSnapshots(before: RefSnapshot, after: RefSnapshot): RefChange[] {
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  return names
    .map((ref) => ({ ref, before: before.get(ref) ?? ZERO_SHA, after: after.get(ref) ?? ZERO_SHA }))
    .filter((change) => change.before !== change.after);
}
