import type { Services } from '../world/services.js';
import type { CiJob, CiRun } from './ci-state.js';
import { renderWorkflow, renderWorkflowRun } from '../render/workflow-run.js';
import { renderJob } from '../render/job.js';

/** `workflow_run.*`, rendered now so a later change cannot leak into an earlier event. */
export async function emitWorkflowRun(
  services: Services,
  run: CiRun,
  action: 'requested' | 'in_progress' | 'completed',
): Promise<void> {
  const payload = {
    workflow_run: await renderWorkflowRun(services.world, run),
    workflow: renderWorkflow(services.world, run),
  };
  services.webhooks.emit({
    repo: run.repo,
    event: 'workflow_run',
    action,
    payload,
    sender: run.triggeringActor,
  });
}

export function emitWorkflowJob(
  services: Services,
  job: CiJob,
  action: 'queued' | 'in_progress' | 'completed',
): void {
  const payload = { workflow_job: renderJob(services.world, job) };
  services.webhooks.emit({
    repo: job.run.repo,
    event: 'workflow_job',
    action,
    payload,
    sender: job.run.triggeringActor,
  });
}
