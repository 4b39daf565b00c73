/**
 * Re-runs keep the run id and bump `run_attempt`. The chosen jobs and every job that needs
 * them (transitively) get new job ids and new check runs with the same names in the same
 * suite; the others carry over unchanged (verify whether GitHub lists them in the new attempt).
 */
import type { Account } from '../world/types.js';
import type { CiJob, CiRun, RepoCi } from './ci-state.js';
import { currentJobs } from './ci-state.js';
import type { CiCore } from './ci-core.js';
import type { WorkflowScript } from './types.js';
import { GitHubError } from '../http/github-error.js';
import { isFailedConclusion } from './conclusions.js';
import { emitWorkflowRun } from './actions-events.js';
import { queueJobs } from './queue-jobs.js';
import { advanceRun } from './advance-run.js';

export type RerunScope = { kind: 'failed' } | { kind: 'all' } | { kind: 'job'; name: string };

function withDependents(workflow: WorkflowScript, names: Set<string>): Set<string> {
  const chosen = new Set(names);
  for (let grew = true; grew;) {
    grew = false;
    for (const job of workflow.jobs) {
      if (chosen.has(job.name) || !(job.needs ?? []).some((need) => chosen.has(need))) continue;
      chosen.add(job.name);
      grew = true;
    }
  }
  return chosen;
}

function namesFor(scope: RerunScope, jobs: CiJob[]): Set<string> {
  switch (scope.kind) {
    case 'failed':
      return new Set(
        jobs.filter((job) => isFailedConclusion(job.conclusion)).map((job) => job.script.name),
      );
    case 'all':
      return new Set(jobs.map((job) => job.script.name));
    case 'job':
      return new Set([scope.name]);
  }
}

export async function rerunJobs(
  core: CiCore,
  repoCi: RepoCi,
  run: CiRun,
  scope: RerunScope,
  actor: Account,
): Promise<void> {
  // GitHub refuses to re-run a run that has not finished (seen in the field; verify).
  if (run.status !== 'completed') throw new GitHubError(403, 'This workflow is already running');
  const previous = currentJobs(repoCi, run);
  const rerun = withDependents(run.workflow, namesFor(scope, previous));
  if (rerun.size === 0)
    throw new GitHubError(403, 'This workflow run has no failed jobs to re-run.');
  const at = core.services.world.clock.now();
  Object.assign(run, {
    attempt: run.attempt + 1,
    status: 'queued',
    conclusion: null,
    runStartedAt: at,
    updatedAt: at,
    triggeringActor: actor,
  });
  await emitWorkflowRun(core.services, run, 'requested');
  await queueJobs(
    core,
    repoCi,
    run,
    previous.filter((job) => !rerun.has(job.script.name)),
    at,
  );
  await advanceRun(core, repoCi, run, at);
}
