import { asReadError } from './call-github.js';
import type { RepoContext } from './repo-context.js';
import { withOperation } from './request-operation.js';

/** One entry of a GraphQL answer's `errors`, as GitHub writes them. */
export interface GraphqlErrorEntry {
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
      data: await withOperation(`graphql ${operation}`, () =>
        ctx.octokit.graphql<T>(request.query, request.variables),
      ),
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

/** What `readAliased` asks for: one aliased field per item, in requests of `perRequest`. */
export interface AliasedRead<Item> {
  items: readonly Item[];
  perRequest: number;
  /** The document for `count` items. */
  query: (count: number) => string;
  /** The response key of the `index`-th item of a request, and its variable's name. */
  alias: (index: number) => string;
  variable: (index: number) => string;
  tolerated: (path: string, error: GraphqlErrorEntry) => boolean;
}

/**
 * Many PRs or commits of the repository in as few requests as it takes (the queue's PRs, a
 * staging's PRs, the live tips' checks): each item with its node under `repository`, null
 * where GitHub has none (or refused it, as `tolerated` allows).
 */
export async function readAliased<Item, Node>(
  ctx: RepoContext,
  operation: string,
  read: AliasedRead<Item>,
): Promise<{ item: Item; node: Node | null }[]> {
  const found: { item: Item; node: Node | null }[] = [];
  for (let start = 0; start < read.items.length; start += read.perRequest) {
    const chunk = read.items.slice(start, start + read.perRequest);
    const answer = await readGraphqlPartly<{ repository: Record<string, Node | null> | null }>(
      ctx,
      operation,
      {
        query: read.query(chunk.length),
        variables: {
          owner: ctx.owner,
          name: ctx.repo,
          ...Object.fromEntries(chunk.map((item, i) => [read.variable(i), item])),
        },
      },
      read.tolerated,
    );
    for (const [i, item] of chunk.entries())
      found.push({ item, node: answer?.data.repository?.[read.alias(i)] ?? null });
  }
  return found;
}
