import type { CiRun, CiTrigger, RepoCi } from './ci-state.js';
import type { CiCore } from './ci-core.js';
import type { WorkflowScript } from './types.js';
import { ACTIONS_APP_ID } from './actions-app.js';
import { emitWorkflowRun } from './actions-events.js';
import { queueJobs } from './queue-jobs.js';
import { advanceRun } from './advance-run.js';
import { createSuite } from '../domain/check-suites.js';

/**
 * A new workflow run for a trigger: its own check suite owned by GitHub Actions,
 * `workflow_run.requested`, the jobs queued with their check runs, then whatever can start.
 */
export async function startRun(
  core: CiCore,
  repoCi: RepoCi,
  workflow: WorkflowScript,
  trigger: CiTrigger,
): Promise<CiRun> {
  const { world } = core.services;
  const at = world.clock.now();
  const workflowId = repoCi.workflowIds.get(workflow.file) ?? world.ids.next('workflow');
  repoCi.workflowIds.set(workflow.file, workflowId);
  const runNumber = (repoCi.runNumbers.get(workflow.file) ?? 0) + 1;
  repoCi.runNumbers.set(workflow.file, runNumber);
  const suite = createSuite(core.services, {
    repo: repoCi.repo,
    appId: ACTIONS_APP_ID,
    headSha: trigger.sha,
    headBranch: trigger.branch,
  });
  const run: CiRun = {
    id: world.ids.next('run'),
    repo: repoCi.repo,
    workflow,
    workflowId,
    runNumber,
    trigger,
    suiteId: suite.id,
    attempt: 1,
    status: 'queued',
    conclusion: null,
    createdAt: at,
    updatedAt: at,
    runStartedAt: at,
    triggeringActor: trigger.actor,
    attempts: new Map(),
  };
  repoCi.runs.set(run.id, run);
  await emitWorkflowRun(core.services, run, 'requested');
  await queueJobs(core, repoCi, run, [], at);
  await advanceRun(core, repoCi, run, at);
  return run;
}
