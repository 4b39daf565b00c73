import type { CiJob, RepoCi } from './ci-state.js';
import type { CiCore } from './ci-core.js';
import { jobContext } from './ci-core.js';
import type { JobConclusion, Scripted } from './types.js';
import { evaluateJob } from './evaluate-job.js';
import { finishedSteps } from './job-steps.js';
import { jobAnnotations, renderJobLog } from './job-log.js';
import { emitWorkflowJob } from './actions-events.js';
import { advanceRun, updateJobCheckRun } from './advance-run.js';
import { releaseRunner } from './runner-pool.js';

/** GitHub accepts at most 50 annotations per check run update; Actions keeps the first ones (verify). */
const annotationLimit = 50;

/**
 * Finishes a running job at `at`: runs its script against the tested commit, writes its log,
 * steps and annotations, sends `workflow_job.completed` and `check_run.completed`, then lets
 * the run move on (dependent jobs, the run's own completion) and its runner take the next job.
 */
export async function completeJob(
  core: CiCore,
  repoCi: RepoCi,
  job: CiJob,
  at: Date,
  outcome?: Scripted<JobConclusion>,
): Promise<void> {
  if (job.status !== 'in_progress') return;
  const result = await evaluateJob({
    script: job.script,
    ctx: jobContext(job),
    override: outcome ?? repoCi.overrides.get(job.script.name),
  });
  const startedAt = job.startedAt ?? at;
  const steps = finishedSteps(result, startedAt, at);
  const { run } = job;
  const logInput = {
    repo: run.repo.fullName,
    job: job.script.name,
    sha: run.trigger.sha,
    ref: run.trigger.ref,
    jobId: job.id,
    result,
    steps,
    startedAt,
  };
  releaseRunner(repoCi, job, at);
  Object.assign(job, {
    status: 'completed',
    conclusion: result.conclusion,
    completedAt: at,
    dueAt: null,
    steps,
    log: renderJobLog(logInput),
  });
  emitWorkflowJob(core.services, job, 'completed');
  const annotations = jobAnnotations(logInput).slice(0, annotationLimit);
  await updateJobCheckRun(core, job, {
    conclusion: result.conclusion,
    completedAt: at,
    output: { annotations },
  });
  await advanceRun(core, repoCi, run, at);
}
