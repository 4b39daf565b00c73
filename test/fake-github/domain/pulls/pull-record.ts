import type { Account, Issue, PullRequestState, RepoState } from '../../world/types.js';
import type { World } from '../../world/world.js';
import type { PullIssue } from '../../render/pull-request.js';
import { notFound } from '../../http/github-error.js';

export function isPull(issue: Issue): issue is PullIssue {
  return issue.pull !== null;
}

export function findPull(repo: RepoState, number: number): PullIssue | undefined {
  const issue = repo.issues.get(number);
  return issue && isPull(issue) ? issue : undefined;
}

/** A number that names an issue, or nothing, is a 404 on every pulls/* endpoint. */
export function requirePull(repo: RepoState, number: number): PullIssue {
  const pull = findPull(repo, number);
  if (!pull) throw notFound();
  return pull;
}

export function listPulls(repo: RepoState): PullIssue[] {
  return [...repo.issues.values()].filter(isPull);
}

/** Issues and pull requests share one sequence per repository, as on GitHub. */
export function nextIssueNumber(repo: RepoState): number {
  return Math.max(0, ...repo.issues.keys()) + 1;
}

/** A just-opened issue (a PR once `pull` is set), numbered after the last one. */
export function newIssue(
  world: World,
  repo: RepoState,
  input: { title: string; body: string | null; author: Account; at: Date },
): Issue {
  return {
    number: nextIssueNumber(repo),
    id: world.ids.next('issue'),
    title: input.title,
    body: input.body,
    user: input.author,
    state: 'open',
    labels: [],
    createdAt: input.at,
    updatedAt: input.at,
    closedAt: null,
    pull: null,
  };
}

/** A just-opened PR's state: not merged, no reviews, mergeability not yet computed. */
export function newPullState(input: {
  headRepo: string;
  headRef: string;
  headSha: string;
  baseRef: string;
  baseSha: string;
  draft: boolean;
  maintainerCanModify: boolean;
}): PullRequestState {
  return {
    ...input,
    merged: false,
    mergedAt: null,
    mergedBy: null,
    mergeCommitSha: null,
    mergeability: {
      state: 'stale',
      mergeable: null,
      mergeableState: 'unknown',
      testMergeSha: null,
      conflicts: [],
    },
    reviews: [],
  };
}

/** The repository holding a PR's head branch (a fork, or the base itself); gone when the fork was deleted. */
export function headRepoOf(world: World, base: RepoState, issue: PullIssue): RepoState | undefined {
  const name = issue.pull.headRepo;
  if (name === null) return undefined;
  return name.toLowerCase() === base.fullName.toLowerCase() ? base : world.repo(name);
}

export function isFromFork(base: RepoState, issue: PullIssue): boolean {
  return (
    issue.pull.headRepo !== null &&
    issue.pull.headRepo.toLowerCase() !== base.fullName.toLowerCase()
  );
}
