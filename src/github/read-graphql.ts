import { asReadError } from './call-github.js';
import type { RepoContext } from './repo-context.js';

interface GraphqlErrorEntry {
  type?: string;
  path?: (string | number)[];
  message?: string;
}

/** A query's answer, and the paths GitHub could not resolve (e.g. a field the app may not read). */
export interface PartialAnswer<T> {
  data: T;
  failedPaths: string[];
}

/**
 * Runs a query; a PR or repository that does not exist is `undefined`, any other error (a
 * GraphQL error list, or an HTTP failure) a `GitHubReadError` naming the query.
 */
export async function readGraphql<T>(
  ctx: RepoContext,
  operation: string,
  request: { query: string; variables: Record<string, unknown> },
): Promise<T | undefined> {
  const answer = await readGraphqlPartly<T>(ctx, operation, request, () => false);
  return answer?.data;
}

/**
 * As `readGraphql`, but errors at the paths `tolerated` accepts leave the rest of the answer
 * usable: GitHub answers what it can and nulls the fields it refused (HTTP 200 with `errors`).
 */
export async function readGraphqlPartly<T>(
  ctx: RepoContext,
  operation: string,
  request: { query: string; variables: Record<string, unknown> },
  tolerated: (path: string, error: GraphqlErrorEntry) => boolean,
): Promise<PartialAnswer<T> | undefined> {
  try {
    return {
      data: await ctx.octokit.graphql<T>(request.query, request.variables),
      failedPaths: [],
    };
  } catch (error) {
    const { errors, data } = error as { errors?: GraphqlErrorEntry[]; data?: T };
    if (Array.isArray(errors) && errors.length > 0) {
      // What the caller tolerates first: a query over many PRs keeps those that exist.
      const paths = errors.map((e) => (e.path ?? []).join('.'));
      if (data && errors.every((e, i) => tolerated(paths[i]!, e)))
        return { data, failedPaths: paths };
      if (errors.every((e) => e.type === 'NOT_FOUND' && (e.path?.length ?? 0) <= 2))
        return undefined;
    }
    throw asReadError(ctx, `graphql ${operation}`, error);
  }
}
