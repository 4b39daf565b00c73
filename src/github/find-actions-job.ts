import { readUnlessMissing } from './call-github.js';
import type { RepoContext } from './repo-context.js';

/** An Actions job page: `.../actions/runs/<run id>/job/<job id>`. */
const jobPage = /\/runs\/(\d+)\/job\/(\d+)/;

export interface ActionsJob {
  id: number;
  runId: number;
  name: string;
  steps: { name: string; conclusion: string | null }[];
}

async function getJob(ctx: RepoContext, jobId: number): Promise<ActionsJob | undefined> {
  const answer = await readUnlessMissing(ctx, 'actions/get-job-for-workflow-run', () =>
    ctx.octokit.rest.actions.getJobForWorkflowRun({
      owner: ctx.owner,
      repo: ctx.repo,
      job_id: jobId,
    }),
  );
  if (answer === undefined) return undefined;
  const { id, run_id: runId, name, steps = [] } = answer.data;
  return { id, runId, name, steps: steps.map((s) => ({ name: s.name, conclusion: s.conclusion })) };
}

/**
 * The Actions job behind a check run. On GitHub a job's id is its check run's id; should
 * that ever differ, the job page in `details_url` names it. Checks from other apps have no
 * job (404): undefined.
 */
export async function findActionsJob(
  ctx: RepoContext,
  run: { id: number; details_url: string | null },
): Promise<ActionsJob | undefined> {
  const direct = await getJob(ctx, run.id);
  if (direct !== undefined) return direct;
  const linked = jobPage.exec(run.details_url ?? '');
  const jobId = Number(linked?.[2]);
  return linked && jobId !== run.id ? getJob(ctx, jobId) : undefined;
}
