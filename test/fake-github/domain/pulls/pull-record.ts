import type { Issue, RepoState } from '../../world/types.js';
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
