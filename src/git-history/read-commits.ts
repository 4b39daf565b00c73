import type { CommitRecord } from '../changelog/index.js';
import { streamCommits } from './stream-commits.js';

export interface CommitRange {
  repoDir: string;
  /** Exclusive start; `undefined` reads the whole history. */
  from: string | undefined;
  to: string;
}

/** The commits that landed on the branch between two refs, newest first (`git log` order). */
export async function readCommits(range: CommitRange): Promise<CommitRecord[]> {
  const commits: CommitRecord[] = [];
  for await (const batch of streamCommits(range)) commits.push(...batch);
  return commits;
}
