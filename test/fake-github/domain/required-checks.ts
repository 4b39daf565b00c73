import type { CheckRun, CommitStatus, RepoState, Review } from '../world/types.js';
import { rulesetsFor } from './protection.js';

export type CheckState = 'passing' | 'pending' | 'failing' | 'missing';

export interface RequiredCheck {
  context: string;
  /** Only runs of this app count; null: any source. */
  appId: number | null;
  source: 'protection' | 'ruleset';
}

/** Required checks of a base branch, from classic protection and from every matching ruleset. */
export function requiredChecksFor(repo: RepoState, branch: string): RequiredCheck[] {
  const checks: RequiredCheck[] = [];
  const protection = repo.protection.get(branch)?.requiredStatusChecks;
  if (protection) {
    const pinned = new Map(
      protection.checks.map((c) => [c.context, c.app_id === -1 ? null : c.app_id]),
    );
    for (const context of protection.contexts) if (!pinned.has(context)) pinned.set(context, null);
    for (const [context, appId] of pinned) checks.push({ context, appId, source: 'protection' });
  }
  for (const ruleset of rulesetsFor(repo, branch)) {
    for (const c of ruleset.requiredStatusChecks)
      checks.push({ context: c.context, appId: c.integration_id ?? null, source: 'ruleset' });
  }
  return checks;
}

function checkRunState(run: CheckRun): Exclude<CheckState, 'missing'> {
  if (run.status !== 'completed') return 'pending';
  switch (run.conclusion) {
    case 'success':
    case 'neutral':
    case 'skipped':
      return 'passing';
    case 'failure':
    case 'cancelled':
    case 'timed_out':
    case 'action_required':
    case 'stale':
    case 'startup_failure':
    case null:
      return 'failing';
  }
}

function statusState(status: CommitStatus): Exclude<CheckState, 'missing'> {
  switch (status.state) {
    case 'success':
      return 'passing';
    case 'pending':
      return 'pending';
    case 'failure':
    case 'error':
      return 'failing';
  }
}

/** The newest check run per (app, name) and the newest status per context on `sha`: older attempts no longer count. */
export function latestSignals(
  repo: RepoState,
  sha: string,
): { name: string; appId: number | null; state: Exclude<CheckState, 'missing'> }[] {
  const runs = new Map<string, CheckRun>();
  for (const run of repo.checkRuns.values()) {
    if (run.headSha !== sha) continue;
    const key = `${run.appId}\0${run.name}`;
    const seen = runs.get(key);
    if (!seen || run.id > seen.id) runs.set(key, run);
  }
  const statuses = new Map<string, CommitStatus>();
  for (const status of repo.statuses) {
    if (status.sha !== sha) continue;
    const seen = statuses.get(status.context);
    if (!seen || status.id > seen.id) statuses.set(status.context, status);
  }
  return [
    ...[...runs.values()].map((run) => ({
      name: run.name,
      appId: run.appId,
      state: checkRunState(run),
    })),
    ...[...statuses.values()].map((status) => ({
      name: status.context,
      appId: null,
      state: statusState(status),
    })),
  ];
}

/** A check and a status with the same name are both required (GitHub docs); the worst one decides. */
export function stateOfRequired(repo: RepoState, sha: string, required: RequiredCheck): CheckState {
  const states = latestSignals(repo, sha)
    .filter(
      (s) => s.name === required.context && (required.appId === null || s.appId === required.appId),
    )
    .map((s) => s.state);
  if (states.length === 0) return 'missing';
  if (states.includes('failing')) return 'failing';
  if (states.includes('pending')) return 'pending';
  return 'passing';
}

/** Approving reviews needed on `branch` (the strictest of protection and rulesets). */
export function requiredApprovalsFor(repo: RepoState, branch: string): number {
  const counts = [
    repo.protection.get(branch)?.requiredApprovingReviewCount ?? 0,
    ...rulesetsFor(repo, branch).map((r) => r.requiredApprovingReviewCount ?? 0),
  ];
  return Math.max(0, ...counts);
}

/** Distinct reviewers with write access whose latest decisive review approves. */
export function countApprovals(repo: RepoState, reviews: Review[]): number {
  const latest = new Map<string, Review>();
  for (const review of reviews) {
    if (review.state === 'COMMENTED') continue;
    const seen = latest.get(review.user.login);
    if (!seen || review.submittedAt >= seen.submittedAt) latest.set(review.user.login, review);
  }
  const writers = [...latest.values()].filter(
    (r) => r.state === 'APPROVED' && canWrite(repo, r.user.login),
  );
  return writers.length;
}

function canWrite(repo: RepoState, login: string): boolean {
  if (repo.owner.login.toLowerCase() === login.toLowerCase()) return true;
  const role = repo.collaborators.get(login.toLowerCase());
  return role === 'admin' || role === 'maintain' || role === 'write';
}
