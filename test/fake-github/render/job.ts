import type { World } from '../world/world.js';
import type { CiJob } from '../ci/ci-state.js';
import { nodeId } from '../world/ids.js';
import { iso, isoOrNull } from './basics.js';
import { runnerId, runnerName } from '../ci/runner-log.js';

/** GitHub-hosted runners report a runner once the job is picked up; queued jobs have none. */
function runnerOf(job: CiJob): Record<string, unknown> {
  if (job.status === 'queued')
    return { runner_id: null, runner_name: null, runner_group_id: null, runner_group_name: null };
  return {
    runner_id: runnerId(job.id),
    runner_name: runnerName(job.id),
    runner_group_id: 0,
    runner_group_name: 'GitHub Actions',
  };
}

/** A job as REST answers it and `workflow_job` webhooks carry it. `started_at` is never null on GitHub: a queued job shows its creation. */
export function renderJob(world: World, job: CiJob): Record<string, unknown> {
  const { run } = job;
  const api = `${world.apiUrl}/repos/${run.repo.fullName}`;
  return {
    id: job.id,
    run_id: run.id,
    run_url: `${api}/actions/runs/${run.id}`,
    run_attempt: job.attempt,
    node_id: nodeId('CR', job.id),
    head_sha: run.trigger.sha,
    head_branch: run.trigger.branch,
    workflow_name: run.workflow.name,
    url: `${api}/actions/jobs/${job.id}`,
    html_url: `${world.baseUrl}/${run.repo.fullName}/actions/runs/${run.id}/job/${job.id}`,
    status: job.status,
    conclusion: job.conclusion,
    created_at: iso(job.createdAt),
    started_at: iso(job.startedAt ?? job.createdAt),
    completed_at: isoOrNull(job.completedAt),
    name: job.script.name,
    steps: job.steps.map((step) => ({
      name: step.name,
      status: step.status,
      conclusion: step.conclusion,
      number: step.number,
      started_at: isoOrNull(step.startedAt),
      completed_at: isoOrNull(step.completedAt),
    })),
    check_run_url: `${api}/check-runs/${job.id}`,
    labels: ['ubuntu-latest'],
    ...runnerOf(job),
  };
}
