/**
 * Sizes GitHub rejects beyond. A request over any of them fails with 422 and the PR is left
 * with a stale check run, so every render stays inside them by construction.
 */
export const githubLimits = {
  /** `output.summary` and `output.text` of a check run. */
  checkRunOutput: 65_535,
  /** An issue comment body. */
  commentBody: 65_536,
  /** Annotations per create/update request. */
  annotationsPerRequest: 50,
  /** `annotations[].title`; also used for the output title, which GitHub shows on one line. */
  title: 255,
  /** `annotations[].message` is up to 64 KB; a few lines are what anyone reads. */
  annotationMessage: 4_000,
  /** Requested actions on one check run, and their fields. */
  actions: 3,
  actionLabel: 20,
  actionDescription: 40,
  actionIdentifier: 20,
} as const;

const blockSeparator = '\n\n';

/**
 * Joins markdown blocks (paragraphs, lists, whole fenced blocks) with blank lines, dropping
 * whole blocks from the end when they would pass `limit`, so a cut never lands inside a
 * fence. The marker says how much was left out and where to read it instead.
 */
export function joinBlocksWithin(
  blocks: readonly string[],
  options: { limit: number; omitted: (count: number) => string },
): string {
  const all = blocks.join(blockSeparator);
  if (all.length <= options.limit) return all;
  const kept: string[] = [];
  let length = 0;
  for (const [index, block] of blocks.entries()) {
    const marker = options.omitted(blocks.length - index);
    const added = (kept.length > 0 ? blockSeparator.length : 0) + block.length;
    const room = options.limit - marker.length - blockSeparator.length;
    if (room < 0) return '';
    if (length + added > room) return [...kept, marker].join(blockSeparator);
    kept.push(block);
    length += added;
  }
  return kept.join(blockSeparator);
}
