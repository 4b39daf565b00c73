/**
 * Commit statuses: the older CI signal, one list per commit. The latest status per context
 * counts; the combined state sums them up the way GitHub does.
 */
import type { Account, CommitStatus, RepoState } from '../world/types.js';
import type { Services } from '../world/services.js';
import { renderStatusEvent } from '../render/status.js';

export type StatusState = CommitStatus['state'];

export interface CreateStatusInput {
  repo: RepoState;
  sha: string;
  state: StatusState;
  /** GitHub's default context is `default`. */
  context?: string;
  description?: string | null;
  targetUrl?: string | null;
  creator: Account;
}

export async function createCommitStatus(
  services: Services,
  input: CreateStatusInput,
): Promise<CommitStatus> {
  const now = services.world.clock.now();
  const status: CommitStatus = {
    id: services.world.ids.next('status'),
    sha: input.sha,
    state: input.state,
    context: input.context ?? 'default',
    description: input.description ?? null,
    targetUrl: input.targetUrl ?? null,
    creator: input.creator,
    createdAt: now,
    updatedAt: now,
  };
  input.repo.statuses.push(status);
  const payload = await renderStatusEvent(services.world, input.repo, status);
  services.webhooks.emit({ repo: input.repo, event: 'status', payload, sender: input.creator });
  return status;
}

/** Every status on `sha`, newest first (GitHub's order for list-commit-statuses-for-ref). */
export function statusesOf(repo: RepoState, sha: string): CommitStatus[] {
  return repo.statuses.filter((s) => s.sha === sha).sort((a, b) => b.id - a.id);
}

/**
 * The newest status of each context on `sha`, oldest first: the combined status lists them
 * by ascending id (octokit/fixtures `create-status` records ids 1000 then 1001, where the
 * plain list answers 1001 then 1000), so a context that reports again moves to the end.
 */
export function latestStatuses(repo: RepoState, sha: string): CommitStatus[] {
  const latest = new Map<string, CommitStatus>();
  for (const status of statusesOf(repo, sha))
    if (!latest.has(status.context)) latest.set(status.context, status);
  return [...latest.values()].sort((a, b) => a.id - b.id);
}

/** failure if any error/failure; else pending if any pending or none at all; else success (GitHub docs). */
export function combinedState(statuses: CommitStatus[]): 'failure' | 'pending' | 'success' {
  if (statuses.some((s) => s.state === 'error' || s.state === 'failure')) return 'failure';
  if (statuses.length === 0 || statuses.some((s) => s.state === 'pending')) return 'pending';
  return 'success';
}
