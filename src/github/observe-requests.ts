import type { ProbotOctokit } from 'probot';
import { currentOperation } from './request-operation.js';

/** What one answered (or unanswered) GitHub request tells the metrics. */
export interface GitHubResponseFacts {
  operation: string;
  /** HTTP status; undefined when no answer came (a network failure, a timeout). */
  status: number | undefined;
  /** From `x-ratelimit-remaining` and `x-ratelimit-resource` (`core`, `graphql`, ...). */
  rateLimit: { resource: string; remaining: number } | undefined;
}

export type GitHubResponseObserver = (facts: GitHubResponseFacts) => void;

interface Answer {
  status: number;
  headers: Record<string, unknown>;
}

/**
 * Tells `observe` of every request the Octokit sends, with its status and the rate limit
 * left. Registered after Octokit's own plugins, this hook is the outermost: it runs in the
 * caller's context (where the operation is known) and sees a retried request once.
 */
export function observeRequests(octokit: ProbotOctokit, observe: GitHubResponseObserver): void {
  octokit.hook.wrap('request', async (request, options) => {
    const operation = operationOf(options);
    try {
      const answer = await request(options);
      tell(observe, { operation, status: answer.status, rateLimit: rateLimitOf(answer) });
      return answer;
    } catch (error) {
      const answer = (error as { response?: Answer } | null)?.response;
      tell(observe, { operation, status: answer?.status, rateLimit: rateLimitOf(answer) });
      throw error;
    }
  });
}

const tokenRoute = '/app/installations/{installation_id}/access_tokens';

/**
 * The operation the caller named, else the route template (`GET /installation/repositories`);
 * a next-page URL outside any named operation is `unnamed`. Probot asks for an installation
 * token from inside whichever request needed one: that request is the token's own.
 */
function operationOf(options: { method: string; url: string }): string {
  const { method, url } = options;
  if (url === tokenRoute) return 'apps/create-installation-access-token';
  return currentOperation() ?? (url.startsWith('/') ? `${method} ${url}` : 'unnamed');
}

function rateLimitOf(answer: Answer | undefined): GitHubResponseFacts['rateLimit'] {
  const remaining = Number(answer?.headers['x-ratelimit-remaining'] ?? Number.NaN);
  if (!Number.isFinite(remaining)) return undefined;
  const resource = answer?.headers['x-ratelimit-resource'];
  return { resource: typeof resource === 'string' ? resource : 'core', remaining };
}

/** Metrics never fail a request. */
function tell(observe: GitHubResponseObserver, facts: GitHubResponseFacts): void {
  try {
    observe(facts);
  } catch {
    // A metric that cannot be recorded is lost; the request's answer is not.
  }
}
