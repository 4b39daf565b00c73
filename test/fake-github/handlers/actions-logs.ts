import type { HandlerTable } from './types.js';
import { notFound } from '../http/github-error.js';
import { ciOfWorld } from '../ci/ci-of.js';
import { requireJob } from './actions-jobs.js';

export const actionsLogHandlers: HandlerTable = {
  /**
   * GitHub answers 302 to a short-lived, unauthenticated link; fetch follows it and the
   * `text/plain` answer reaches the app as a string. A job still running has no log to
   * download yet (verify).
   */
  'actions/download-job-logs-for-workflow-run': (ctx) => {
    const job = requireJob(ctx);
    if (job.log === null) throw notFound();
    const location = ciOfWorld(ctx.world).logLinks.create(ctx.world.baseUrl, job.log);
    return Promise.resolve({ status: 302, body: null, headers: { location } });
  },
};
