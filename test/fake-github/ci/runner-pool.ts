/**
 * A repository's pool of Actions runners: at most `runnerLimit` jobs run at once. A job
 * whose needs all succeeded waits (queued) for a free runner; runners take the job that has
 * waited longest, across all the repository's runs, as GitHub's queue does.
 */
import type { CiJob, RepoCi } from './ci-state.js';
import { currentJobs } from './ci-state.js';

/** What a test or benchmark reads about the pool. */
export interface RunnerUsage {
  /** null: as many runners as there are jobs. */
  limit: number | null;
  /** Jobs holding a runner now. */
  busy: number;
  /** Jobs whose needs succeeded, queued until a runner frees up. */
  waiting: number;
  /** Virtual ms runners have spent on jobs so far, the running ones up to `now` included. */
  runnerMs: number;
}

export function runningJobs(repoCi: RepoCi): CiJob[] {
  return [...repoCi.jobs.values()].filter((job) => job.status === 'in_progress');
}

/**
 * When a queued job could first have run: when its last need finished, or when it was
 * queued. Derived, not stored, so re-runs (new jobs needing carried-over ones) need no care.
 */
function readySince(job: CiJob, needs: CiJob[]): number {
  return Math.max(job.createdAt.getTime(), ...needs.map((need) => need.completedAt!.getTime()));
}

/** Queued jobs of current attempts whose needs all succeeded, the longest waiting first. */
export function jobsWaitingForRunner(repoCi: RepoCi): CiJob[] {
  const waiting: { job: CiJob; since: number }[] = [];
  for (const run of repoCi.runs.values()) {
    if (run.status === 'completed') continue;
    const jobs = currentJobs(repoCi, run);
    for (const job of jobs.filter((j) => j.status === 'queued')) {
      // A need that names no job of the workflow does not hold the job back (as before runners).
      const needs = (job.script.needs ?? []).flatMap((name) =>
        jobs.filter((j) => j.script.name === name),
      );
      if (needs.every((need) => need.status === 'completed' && need.conclusion === 'success'))
        waiting.push({ job, since: readySince(job, needs) });
    }
  }
  return waiting.sort((a, b) => a.since - b.since || a.job.id - b.job.id).map(({ job }) => job);
}

/** The waiting jobs that free runners take now, in the order they take them. */
export function jobsToStart(repoCi: RepoCi): CiJob[] {
  const waiting = jobsWaitingForRunner(repoCi);
  if (repoCi.runnerLimit === null) return waiting;
  return waiting.slice(0, Math.max(repoCi.runnerLimit - runningJobs(repoCi).length, 0));
}

/** Counts the runner time of a job that stops running at `at` (finished or cancelled). */
export function releaseRunner(repoCi: RepoCi, job: CiJob, at: Date): void {
  if (job.status !== 'in_progress' || job.startedAt === null) return;
  repoCi.finishedRunnerMs += Math.max(at.getTime() - job.startedAt.getTime(), 0);
}

export function runnerUsage(repoCi: RepoCi, now: Date): RunnerUsage {
  const running = runningJobs(repoCi);
  const runningMs = running.reduce(
    (sum, job) => sum + Math.max(now.getTime() - (job.startedAt ?? now).getTime(), 0),
    0,
  );
  return {
    limit: repoCi.runnerLimit,
    busy: running.length,
    waiting: jobsWaitingForRunner(repoCi).length,
    runnerMs: repoCi.finishedRunnerMs + runningMs,
  };
}

/** A pool size: a whole number of runners (0 holds every job queued, like a pool offline). */
export function checkRunnerLimit(limit: number | null): void {
  if (limit !== null && (!Number.isInteger(limit) || limit < 0))
    throw new RangeError(`fake-github: a runner limit is a whole number ≥ 0 or null, not ${limit}`);
}
