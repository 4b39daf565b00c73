import type { CiJob, CiRun, RepoCi } from './ci-state.js';
import type { CiCore } from './ci-core.js';
import { jobHtmlUrl } from './ci-core.js';
import { plannedSteps } from './job-steps.js';
import { emitWorkflowJob } from './actions-events.js';
import { createCheckRun } from '../domain/checks.js';

/**
 * The jobs of the run's current attempt, in workflow order: jobs carried over from the last
 * attempt keep their ids; every other job is new, with a new check run of the same name
 * whose id equals the job id (what apps rely on to fetch logs from a check run).
 */
export async function queueJobs(
  core: CiCore,
  repoCi: RepoCi,
  run: CiRun,
  carried: CiJob[],
  at: Date,
): Promise<CiJob[]> {
  const { services } = core;
  const suite = run.repo.checkSuites.get(run.suiteId)!;
  const jobs: CiJob[] = [];
  for (const script of run.workflow.jobs) {
    const kept = carried.find((job) => job.script.name === script.name);
    if (kept) {
      jobs.push(kept);
      continue;
    }
    const job: CiJob = {
      id: services.world.ids.next('job'),
      run,
      attempt: run.attempt,
      script,
      status: 'queued',
      conclusion: null,
      createdAt: at,
      startedAt: null,
      completedAt: null,
      dueAt: null,
      steps: plannedSteps(script),
      log: null,
    };
    repoCi.jobs.set(job.id, job);
    jobs.push(job);
    emitWorkflowJob(services, job, 'queued');
    const fields = { status: 'queued' as const, detailsUrl: jobHtmlUrl(core, job), startedAt: at };
    await createCheckRun(services, {
      repo: run.repo,
      suite,
      name: script.name,
      fields,
      sender: run.triggeringActor,
      id: job.id,
    });
  }
  run.attempts.set(
    run.attempt,
    jobs.map((job) => job.id),
  );
  return jobs;
}
