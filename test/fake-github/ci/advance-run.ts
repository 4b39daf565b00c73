/**
 * Moves a run forward after anything changed: queued jobs whose needs did not succeed are
 * skipped, as GitHub does, and once every job has finished the run completes with the worst
 * conclusion. Then free runners of the repository pick up waiting jobs, of any run.
 */
import type { CiJob, CiRun, RepoCi } from './ci-state.js';
import { currentJobs } from './ci-state.js';
import type { CiCore } from './ci-core.js';
import { jobContext } from './ci-core.js';
import { startSteps } from './job-steps.js';
import { emitWorkflowJob, emitWorkflowRun } from './actions-events.js';
import { worstConclusion } from './conclusions.js';
import { resolveScripted } from './evaluate-job.js';
import { jobsToStart } from './runner-pool.js';
import { updateCheckRun } from '../domain/checks.js';

/** Default run time of a job in auto mode. */
const defaultDurationMs = 60_000;

export async function advanceRun(
  core: CiCore,
  repoCi: RepoCi,
  run: CiRun,
  at: Date,
): Promise<void> {
  // Skipping one job can settle the needs of another: repeat until nothing changes.
  for (let moved = true; moved;) {
    moved = false;
    const jobs = currentJobs(repoCi, run);
    for (const job of jobs.filter((j) => j.status === 'queued')) {
      const needs = (job.script.needs ?? []).map((name) =>
        jobs.find((j) => j.script.name === name),
      );
      if (needs.some((need) => need !== undefined && need.status !== 'completed')) continue;
      if (!needs.some((need) => need !== undefined && need.conclusion !== 'success')) continue;
      await closeJob(core, job, 'skipped', at);
      moved = true;
    }
  }
  const jobs = currentJobs(repoCi, run);
  if (run.status !== 'completed' && jobs.every((job) => job.status === 'completed'))
    await finishRun(core, run, jobs, at);
  await startWaitingJobs(core, repoCi, at);
}

/** Free runners pick up the jobs that have waited longest, at `at` (when a runner freed up). */
export async function startWaitingJobs(core: CiCore, repoCi: RepoCi, at: Date): Promise<void> {
  for (const job of jobsToStart(repoCi)) await startJob(core, repoCi, job, at);
}

async function startJob(core: CiCore, repoCi: RepoCi, job: CiJob, at: Date): Promise<void> {
  const { run } = job;
  // Decided first, so a throwing duration function leaves the job queued, not half started.
  const durationMs =
    core.modeOf(repoCi) === 'auto'
      ? ((await resolveScripted(job.script.durationMs, jobContext(job))) ?? defaultDurationMs)
      : null;
  if (run.status === 'queued') {
    run.status = 'in_progress';
    run.updatedAt = at;
    await emitWorkflowRun(core.services, run, 'in_progress');
  }
  job.status = 'in_progress';
  job.startedAt = at;
  job.dueAt = durationMs === null ? null : at.getTime() + durationMs;
  startSteps(job.steps, at);
  emitWorkflowJob(core.services, job, 'in_progress');
  await updateJobCheckRun(core, job, { status: 'in_progress', startedAt: at });
}

/** Ends a job that never ran: skipped (its needs failed) or cancelled while queued. No steps, no log. */
export async function closeJob(
  core: CiCore,
  job: CiJob,
  conclusion: 'skipped' | 'cancelled',
  at: Date,
): Promise<void> {
  Object.assign(job, {
    status: 'completed',
    conclusion,
    startedAt: job.startedAt ?? at,
    completedAt: at,
    dueAt: null,
    steps: [],
    log: '',
  });
  emitWorkflowJob(core.services, job, 'completed');
  await updateJobCheckRun(core, job, { conclusion, completedAt: at });
}

async function finishRun(core: CiCore, run: CiRun, jobs: CiJob[], at: Date): Promise<void> {
  run.status = 'completed';
  run.conclusion = worstConclusion(jobs.map((job) => job.conclusion ?? 'success'));
  run.updatedAt = at;
  await emitWorkflowRun(core.services, run, 'completed');
}

export async function updateJobCheckRun(
  core: CiCore,
  job: CiJob,
  fields: Parameters<typeof updateCheckRun>[1]['fields'],
): Promise<void> {
  const checkRun = job.run.repo.checkRuns.get(job.id);
  if (!checkRun) throw new Error(`fake-github: job ${job.id} has no check run`);
  await updateCheckRun(core.services, {
    repo: job.run.repo,
    run: checkRun,
    fields,
    sender: job.run.triggeringActor,
  });
}
