import type { CommitRecord } from '../changelog/index.js';
import type { RangeRequest, ResolvedRange } from './resolve-range.js';
import { resolveRange } from './resolve-range.js';
import { streamCommits } from './stream-commits.js';

export interface RangeReading {
  range: ResolvedRange;
  /** Newest first, in batches as git prints them: `buildChangelog` parses while git runs. */
  commits: AsyncIterable<CommitRecord[]>;
}

/**
 * Resolves a range and starts reading its commits. With both ends given, `git log` starts
 * at once instead of waiting for the range's other questions (version, previous tag).
 */
export async function readRange(request: RangeRequest): Promise<RangeReading> {
  const { repoDir, from } = request;
  const early =
    from === undefined ? undefined : streamCommits({ repoDir, from, to: request.to ?? 'HEAD' });
  const range = await resolveRange(request);
  return { range, commits: early ?? streamCommits({ repoDir, from: range.from, to: range.to }) };
}
