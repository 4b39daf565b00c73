import type { CancelledRuns } from './port.js';
import { readGitHub } from './call-github.js';
import type { RepoContext } from './repo-context.js';
import { writeOnce } from './repo-context.js';
import { requestFailure } from './request-failure.js';
import { withOperation } from './request-operation.js';

/** The workflow runs on `sha` that still hold or wait for runners (any status but completed). */
async function unfinishedRuns(ctx: RepoContext, sha: string): Promise<number[]> {
  const runs = await readGitHub(ctx, 'actions/list-workflow-runs-for-repo', () =>
    ctx.octokit.paginate(ctx.octokit.rest.actions.listWorkflowRunsForRepo, {
      owner: ctx.owner,
      repo: ctx.repo,
      head_sha: sha,
      exclude_pull_requests: true,
      per_page: 100,
    }),
  );
  return runs.filter((run) => run.status !== 'completed').map((run) => run.id);
}

/**
 * Cancels every workflow run on `sha` not completed yet, one by one, to free the runners of a
 * commit nobody waits for any more. Best effort: a run that finished in between (GitHub's 409
 * "Cannot cancel a workflow run that is completed", or 404) is neither cancelled nor failed,
 * and another failure is reported in `failed` without stopping the other runs. Each cancel is
 * sent once: Probot's retry plugin would repeat the 409. Only the listing throws (a
 * `GitHubReadError`).
 */
export async function cancelRunsFor(ctx: RepoContext, sha: string): Promise<CancelledRuns> {
  const result: CancelledRuns = { cancelled: [], failed: [] };
  for (const runId of await unfinishedRuns(ctx, sha)) {
    try {
      await withOperation('actions/cancel-workflow-run', () =>
        ctx.octokit.rest.actions.cancelWorkflowRun({
          owner: ctx.owner,
          repo: ctx.repo,
          run_id: runId,
          request: writeOnce,
        }),
      );
      result.cancelled.push(runId);
    } catch (error) {
      const { status, message } = requestFailure(error);
      const finished = status === 409 || status === 404;
      if (!finished) result.failed.push({ runId, status, message });
      ctx.log?.debug(
        { sha, runId, status, message },
        finished ? 'workflow run finished before its cancel' : 'could not cancel workflow run',
      );
    }
  }
  ctx.log?.debug({ sha, ...result }, 'cancelled workflow runs');
  return result;
}
