/**
 * Harness operations on CI, checks and statuses, for tests to compose: script CI, finish its
 * work, look at runs, jobs and logs, and act as a person on statuses and check run buttons.
 * They run the same code as the REST handlers, so they send the same webhooks.
 */
import type { CommitStatus, RepoState } from '../world/types.js';
import type { Services } from '../world/services.js';
import { ciOfWorld } from '../ci/ci-of.js';
import type { RepoRef } from '../ci/ci-engine.js';
import type { CiJob } from '../ci/ci-state.js';
import type { CompleteFilter, PendingWork } from '../ci/manual-steps.js';
import type { CiScript, JobConclusion, Scripted } from '../ci/types.js';
import type { RunnerUsage } from '../ci/runner-pool.js';
import { createCommitStatus, type StatusState } from '../domain/statuses.js';
import { emitCheckRunEvent } from '../domain/checks.js';

const repoOf = (services: Services, repo: RepoRef): RepoState =>
  typeof repo === 'string' ? services.world.requireRepo(repo) : repo;

export function scriptCi(services: Services, input: { repo: RepoRef; script: CiScript }): void {
  ciOfWorld(services.world).script(input.repo, input.script);
}

/** Finishes running jobs (and status builds) that match, now; jobs that needed them start. */
export function completeCi(
  services: Services,
  input: CompleteFilter & { repo: RepoRef },
): Promise<CiJob[]> {
  return ciOfWorld(services.world).complete(input);
}

/** Finishes the oldest running job. */
export function stepCi(services: Services, input: { repo: RepoRef }): Promise<CiJob | undefined> {
  return ciOfWorld(services.world).step(input.repo);
}

export function finishAllCi(services: Services, input: { repo: RepoRef }): Promise<void> {
  return ciOfWorld(services.world).finishAll(input.repo);
}

export function pendingCi(services: Services, input: { repo: RepoRef }): PendingWork[] {
  return ciOfWorld(services.world).pending(input.repo);
}

/**
 * Sizes the repository's runner pool: at most `limit` jobs run at once, the others stay
 * queued until a runner frees up (null, the default: no limit). Resolves once jobs that can
 * start now have started.
 */
export function setCiRunners(
  services: Services,
  input: { repo: RepoRef; limit: number | null },
): Promise<void> {
  return ciOfWorld(services.world).setRunnerLimit(input.repo, input.limit);
}

/** The runner pool now: its limit, busy runners, jobs waiting for one, runner time used. */
export function ciRunners(services: Services, input: { repo: RepoRef }): RunnerUsage {
  return ciOfWorld(services.world).runnerUsage(input.repo);
}

/** Moves the virtual clock; auto-mode CI finishes what became due before this resolves. */
export async function advanceClock(services: Services, input: { ms: number }): Promise<void> {
  services.world.clock.advance(input.ms);
  await ciOfWorld(services.world).idle.wait();
}

/** From now on, jobs named `job` conclude with `outcome` (undefined: back to the script). */
export function setJobOutcome(
  services: Services,
  input: { repo: RepoRef; job: string; outcome: Scripted<JobConclusion> | undefined },
): void {
  ciOfWorld(services.world).setOutcome(input);
}

/** A person (or their CI's token) posts a commit status: same rules and `status` webhook as the REST call. */
export function postCommitStatus(
  services: Services,
  input: {
    repo: RepoRef;
    sha: string;
    state: StatusState;
    context?: string;
    description?: string;
    targetUrl?: string;
    by: string;
  },
): Promise<CommitStatus> {
  return createCommitStatus(services, {
    repo: repoOf(services, input.repo),
    sha: input.sha,
    state: input.state,
    context: input.context,
    description: input.description,
    targetUrl: input.targetUrl,
    creator: services.world.account(input.by),
  });
}

/** A person clicks a check run's button: `check_run.requested_action`, to the owning app only. */
export function clickCheckRunAction(
  services: Services,
  input: { repo: RepoRef; checkRunId: number; identifier: string; by: string },
): void {
  const repo = repoOf(services, input.repo);
  const run = repo.checkRuns.get(input.checkRunId);
  if (!run) throw new Error(`fake-github: no check run ${input.checkRunId} in ${repo.fullName}`);
  if (!run.actions.some((action) => action.identifier === input.identifier)) {
    throw new Error(
      `fake-github: check run ${run.id} has no button "${input.identifier}" (has ${run.actions.map((a) => a.identifier).join(', ') || 'none'})`,
    );
  }
  emitCheckRunEvent(services, repo, run, 'requested_action', services.world.account(input.by), {
    requested_action: { identifier: input.identifier },
  });
}
