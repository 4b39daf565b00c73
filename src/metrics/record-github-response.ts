import type { GitHubResponseObserver } from '../github/observe-requests.js';
import type { SluiceMetrics } from './sluice-metrics.js';

/** Counts each request an account's client sends, and keeps the rate limit it has left. */
export function githubResponseRecorder(
  metrics: SluiceMetrics,
  account: string,
): GitHubResponseObserver {
  return ({ operation, status, rateLimit }) => {
    metrics.githubRequests.inc({
      operation,
      status: status === undefined ? 'none' : String(status),
    });
    if (rateLimit)
      metrics.rateLimitRemaining.set(
        { account, resource: rateLimit.resource },
        rateLimit.remaining,
      );
  };
}
