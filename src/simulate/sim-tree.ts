/**
 * Trees in the simulated git: a staging's tree is the set of PRs in it (the base's and its
 * own), hashed so that equal content gives an equal name, however it was reached — as a git
 * tree's SHA does. The queue's memory of failed trees depends on this: a batch that failed,
 * half of it landed since, and the other half on top make the same tree, judged without CI.
 */

/**
 * A tree names its content, as git's does: the base's PRs and the staging's, as a set. The same
 * PRs squashed in another grouping (a half landed, then the other half on it) make the same
 * tree, so a tree that failed is recognised however it is reached again.
 */
export function treeOf(landed: readonly [number, number], content: readonly number[]): string {
  let [hi, lo] = landed;
  for (const n of content) {
    hi ^= mix(n, 0x9e3779b1);
    lo ^= mix(n, 0x85ebca77);
  }
  return `t${(hi >>> 0).toString(36)}.${(lo >>> 0).toString(36)}`;
}

/** Adds a PR to the base's content hash. */
export function addToTree(hash: [number, number], pr: number): void {
  hash[0] ^= mix(pr, 0x9e3779b1);
  hash[1] ^= mix(pr, 0x85ebca77);
}

function mix(n: number, seed: number): number {
  let h = Math.imul(n ^ seed, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}
