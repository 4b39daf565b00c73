import type { RepoState } from '../../world/types.js';
import type { PullIssue, PullStats } from '../../render/pull-request.js';
import { NoCommonAncestorError, ObjectNotFoundError } from '../../git/index.js';

export interface PullFacts {
  baseSha: string;
  stats: PullStats;
}

const noStats: PullStats = { commits: 0, additions: 0, deletions: 0, changedFiles: 0 };

/**
 * What a PR's JSON shows that lives in git: `base.sha` (the base tip while open, frozen when
 * closed) and the commit/line counts of base...head. Fork heads are read through
 * `refs/pull/N/head`, which keeps them in the base repository.
 */
export async function readPullFacts(repo: RepoState, issue: PullIssue): Promise<PullFacts> {
  const { pull } = issue;
  if (issue.state === 'open') {
    const tip = await repo.git.resolveRef(`refs/heads/${pull.baseRef}`);
    if (tip !== undefined) pull.baseSha = tip;
  }
  try {
    const comparison = await repo.git.compare(pull.baseSha, pull.headSha);
    const additions = comparison.files.reduce((n, f) => n + f.additions, 0);
    const deletions = comparison.files.reduce((n, f) => n + f.deletions, 0);
    return {
      baseSha: pull.baseSha,
      stats: {
        commits: comparison.aheadBy,
        additions,
        deletions,
        changedFiles: comparison.files.length,
      },
    };
  } catch (error) {
    if (error instanceof NoCommonAncestorError || error instanceof ObjectNotFoundError)
      return { baseSha: pull.baseSha, stats: noStats };
    throw error;
  }
}
