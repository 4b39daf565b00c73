/**
 * Manual mode: nothing finishes until the test says so. These also work in auto mode, to
 * force work to finish before its virtual time.
 */
import type { CiJob, RepoCi } from './ci-state.js';
import type { CiCore } from './ci-core.js';
import type { JobConclusion, Scripted } from './types.js';
import { completeJob } from './complete-job.js';
import { finishStatus } from './status-ci.js';

export interface CompleteFilter {
  /** Only jobs with this name (no status CI then, unless `status` is given too). */
  job?: string;
  /** Only commit-status CI with this context. */
  status?: string;
  sha?: string;
  runId?: number;
  /** The outcome of the jobs completed by this call, instead of their script's. */
  outcome?: Scripted<JobConclusion>;
}

export type PendingWork =
  | {
      kind: 'job';
      runId: number;
      jobId: number;
      workflow: string;
      job: string;
      sha: string;
      attempt: number;
      status: 'queued' | 'in_progress';
    }
  | { kind: 'status'; context: string; sha: string };

export function pendingWork(repoCi: RepoCi): PendingWork[] {
  const jobs = [...repoCi.jobs.values()].flatMap((job): PendingWork[] =>
    job.status === 'completed'
      ? []
      : [
          {
            kind: 'job',
            runId: job.run.id,
            jobId: job.id,
            workflow: job.run.workflow.name,
            job: job.script.name,
            sha: job.run.trigger.sha,
            attempt: job.attempt,
            status: job.status,
          },
        ],
  );
  const statuses = repoCi.statusWaits.map((w): PendingWork => ({
    kind: 'status',
    context: w.script.context,
    sha: w.trigger.sha,
  }));
  return [...jobs, ...statuses];
}

/** Finishes the running jobs and status builds that match, now; returns the jobs finished. */
export async function completeMatching(
  core: CiCore,
  repoCi: RepoCi,
  filter: CompleteFilter,
): Promise<CiJob[]> {
  const at = core.services.world.clock.now();
  const wantJobs = filter.status === undefined || filter.job !== undefined;
  const wantStatuses = filter.job === undefined && filter.runId === undefined;
  const jobs = [...repoCi.jobs.values()].filter(
    (job) =>
      wantJobs &&
      job.status === 'in_progress' &&
      (filter.job === undefined || job.script.name === filter.job) &&
      (filter.sha === undefined || job.run.trigger.sha === filter.sha) &&
      (filter.runId === undefined || job.run.id === filter.runId),
  );
  for (const job of jobs) await completeJob(core, repoCi, job, at, filter.outcome);
  const waits = repoCi.statusWaits.filter(
    (wait) =>
      wantStatuses &&
      (filter.status === undefined || wait.script.context === filter.status) &&
      (filter.sha === undefined || wait.trigger.sha === filter.sha),
  );
  for (const wait of waits) await finishStatus(core, repoCi, wait);
  return jobs;
}

/** Finishes everything, including jobs that only start once their needs (or a runner) free up. */
export async function finishEverything(core: CiCore, repoCi: RepoCi): Promise<void> {
  for (;;) {
    const pending = pendingWork(repoCi);
    if (pending.length === 0) return;
    const finished = await completeMatching(core, repoCi, {});
    // Nothing running and no status build: what is left waits for something that never comes.
    if (finished.length === 0 && !pending.some((work) => work.kind === 'status'))
      throw new Error(
        `fake-github: CI of ${repoCi.repo.fullName} does not finish (runner limit ${repoCi.runnerLimit ?? 'none'}): ${JSON.stringify(pending)}`,
      );
  }
}
