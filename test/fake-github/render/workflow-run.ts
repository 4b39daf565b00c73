import type { World } from '../world/world.js';
import type { CiRun } from '../ci/ci-state.js';
import { nodeId } from '../world/ids.js';
import { iso, renderRepository, renderUser } from './basics.js';
import { renderMinimalPulls } from './check-run.js';
import { renderSimpleCommit } from './check-suite.js';

/** GitHub's run title: the PR title for pull_request runs, else the head commit's subject. */
function displayTitle(run: CiRun, message: unknown): string {
  const pull =
    run.trigger.pullNumber === null ? undefined : run.repo.issues.get(run.trigger.pullNumber);
  if (pull) return pull.title;
  return typeof message === 'string' ? (message.split('\n')[0] ?? '') : run.workflow.name;
}

/** A workflow run as REST answers it and `workflow_run` webhooks carry it (latest attempt). */
export async function renderWorkflowRun(
  world: World,
  run: CiRun,
): Promise<Record<string, unknown>> {
  const repo = run.repo;
  const api = `${world.apiUrl}/repos/${repo.fullName}`;
  const runUrl = `${api}/actions/runs/${run.id}`;
  const headCommit = await renderSimpleCommit(repo, run.trigger.sha);
  return {
    id: run.id,
    name: run.workflow.name,
    node_id: nodeId('WFR', run.id),
    check_suite_id: run.suiteId,
    check_suite_node_id: nodeId('CS', run.suiteId),
    head_branch: run.trigger.branch,
    head_sha: run.trigger.sha,
    path: run.workflow.file,
    display_title: displayTitle(run, headCommit?.message),
    run_number: run.runNumber,
    run_attempt: run.attempt,
    referenced_workflows: [],
    event: run.trigger.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflowId,
    url: runUrl,
    html_url: `${world.baseUrl}/${repo.fullName}/actions/runs/${run.id}`,
    pull_requests: renderMinimalPulls(world, repo, run.trigger.sha),
    created_at: iso(run.createdAt),
    updated_at: iso(run.updatedAt),
    actor: renderUser(world, run.trigger.actor),
    triggering_actor: renderUser(world, run.triggeringActor),
    run_started_at: iso(run.runStartedAt),
    jobs_url: `${runUrl}/jobs`,
    logs_url: `${runUrl}/logs`,
    check_suite_url: `${api}/check-suites/${run.suiteId}`,
    artifacts_url: `${runUrl}/artifacts`,
    cancel_url: `${runUrl}/cancel`,
    rerun_url: `${runUrl}/rerun`,
    previous_attempt_url: run.attempt > 1 ? `${runUrl}/attempts/${run.attempt - 1}` : null,
    workflow_url: `${api}/actions/workflows/${run.workflowId}`,
    head_commit: headCommit,
    repository: renderRepository(world, repo),
    head_repository: renderRepository(world, repo),
  };
}

/** The `workflow` object of `workflow_run` webhooks. */
export function renderWorkflow(world: World, run: CiRun): Record<string, unknown> {
  const { repo } = run;
  return {
    id: run.workflowId,
    node_id: nodeId('W', run.workflowId),
    name: run.workflow.name,
    path: run.workflow.file,
    state: 'active',
    created_at: iso(repo.createdAt),
    updated_at: iso(repo.createdAt),
    url: `${world.apiUrl}/repos/${repo.fullName}/actions/workflows/${run.workflowId}`,
    html_url: `${world.baseUrl}/${repo.fullName}/blob/${repo.defaultBranch}/${run.workflow.file}`,
    badge_url: `${world.baseUrl}/${repo.fullName}/workflows/${encodeURIComponent(run.workflow.name)}/badge.svg`,
  };
}
