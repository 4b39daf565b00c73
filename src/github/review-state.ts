import { readGitHub } from './call-github.js';
import type { RepoContext } from './repo-context.js';

export interface ReviewFacts {
  user: { login: string } | null;
  state: string;
  commit_id: string | null;
}

export interface ReviewState {
  approvals: number;
  changesRequested: boolean;
}

/**
 * Each reviewer's latest review that states a position wins. Comments state none, so they
 * change nothing; a dismissed review shows as DISMISSED and takes its author's position back.
 * An approval counts only on the current head: pushing new commits leaves old approvals on
 * the old commit. Requested changes stand across pushes until the reviewer changes their mind,
 * as on GitHub.
 */
export function countReviews(reviews: ReviewFacts[], headSha: string): ReviewState {
  const latest = new Map<string, ReviewFacts>();
  for (const review of reviews) {
    if (review.user === null) continue;
    if (!['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'].includes(review.state)) continue;
    latest.set(review.user.login.toLowerCase(), review);
  }
  const positions = [...latest.values()];
  return {
    approvals: positions.filter((r) => r.state === 'APPROVED' && r.commit_id === headSha).length,
    changesRequested: positions.some((r) => r.state === 'CHANGES_REQUESTED'),
  };
}

/** `pulls/list-reviews` answers oldest first, which is the order `countReviews` needs. */
export async function reviewState(
  ctx: RepoContext,
  number: number,
  headSha: string,
): Promise<ReviewState> {
  const reviews = await readGitHub(ctx, 'pulls/list-reviews', () =>
    ctx.octokit.paginate(ctx.octokit.rest.pulls.listReviews, {
      owner: ctx.owner,
      repo: ctx.repo,
      pull_number: number,
      per_page: 100,
    }),
  );
  return countReviews(reviews, headSha);
}
