import { asReadError } from './call-github.js';
import { byteChunks } from './byte-chunks.js';
import type { RepoContext } from './repo-context.js';
import { requestFailure } from './request-failure.js';
import { withOperation } from './request-operation.js';

const operation = 'actions/download-job-logs-for-workflow-run';

/**
 * A job's log as it downloads. GitHub answers 302 to a short-lived blob link; fetch follows
 * it (dropping our token on the cross-origin hop) and `parseSuccessResponseBody: false` makes
 * Octokit hand over the body stream instead of reading hundreds of MB into one string. This
 * reuses the client's own fetch, so no second HTTP stack is needed for the blob host. Read the
 * stream to the end or break out of it, which releases the connection. Undefined when there
 * is no log: not an Actions job, still running, or past retention (404/410).
 */
export async function jobLog(
  ctx: RepoContext,
  checkRunId: number,
): Promise<AsyncIterable<Uint8Array> | undefined> {
  let body: unknown;
  try {
    const answer = await withOperation(operation, () =>
      ctx.octokit.rest.actions.downloadJobLogsForWorkflowRun({
        owner: ctx.owner,
        repo: ctx.repo,
        job_id: checkRunId,
        request: { parseSuccessResponseBody: false },
      }),
    );
    body = answer.data;
  } catch (error) {
    const { status } = requestFailure(error);
    if (status === 404 || status === 410) return undefined;
    throw asReadError(ctx, operation, error);
  }
  const chunks = byteChunks(body);
  if (chunks === undefined) {
    throw asReadError(ctx, operation, new TypeError(`unexpected log body: ${typeof body}`));
  }
  ctx.log?.debug({ checkRunId }, 'streaming job log');
  return chunks;
}
