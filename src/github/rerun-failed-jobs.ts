import type { RefWrite } from './port.js';
import type { RepoContext } from './repo-context.js';
import { writeOnce } from './repo-context.js';
import { refWriteOutcome } from './ref-write-outcome.js';
import { withOperation } from './request-operation.js';

/**
 * Re-runs the run's failed jobs (and the jobs that need them) as a new attempt. Sent once: a
 * repeated re-run would spend the retry budget twice. GitHub refuses with 403 while the run
 * is still going ("This workflow is already running") or when it cannot be re-run: rejected.
 */
export async function rerunFailedJobs(ctx: RepoContext, runId: number): Promise<RefWrite> {
  const outcome = await withOperation('actions/re-run-workflow-failed-jobs', () =>
    ctx.octokit.rest.actions.reRunWorkflowFailedJobs({
      owner: ctx.owner,
      repo: ctx.repo,
      run_id: runId,
      request: writeOnce,
    }),
  ).then((): RefWrite => ({ kind: 'ok' }), refWriteOutcome);
  ctx.log?.debug({ runId, outcome: outcome.kind }, 're-run failed jobs');
  return outcome;
}
