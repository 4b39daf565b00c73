import type { PullIssue } from '../../render/pull-request.js';

export interface PullSnapshot {
  number: number;
  state: 'open' | 'closed';
  title: string;
  draft: boolean;
  merged: boolean;
  mergedBy: string | null;
  mergeCommitSha: string | null;
  head: { repo: string | null; ref: string; sha: string };
  base: { ref: string; sha: string };
  labels: string[];
}

/** A plain copy of what tests usually assert on; later changes do not show through it. */
export function snapshotPull(issue: PullIssue): PullSnapshot {
  const { pull } = issue;
  return {
    number: issue.number,
    state: issue.state,
    title: issue.title,
    draft: pull.draft,
    merged: pull.merged,
    mergedBy: pull.mergedBy?.login ?? null,
    mergeCommitSha: pull.mergeCommitSha,
    head: { repo: pull.headRepo, ref: pull.headRef, sha: pull.headSha },
    base: { ref: pull.baseRef, sha: pull.baseSha },
    labels: [...issue.labels],
  };
}
