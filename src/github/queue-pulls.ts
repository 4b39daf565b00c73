/**
 * The queue's pull requests, many in one GraphQL request: a reconcile that finds its cache
 * cold (after a sweep, or when entries expired) reads the whole queue at once instead of one
 * `pulls/get` per PR. Mergeability is asked for, as `pulls/get` does: that is what starts
 * GitHub computing the test merge a staging build uses, so it is ready by then.
 */
import type { PullDetails } from './port.js';
import type { RepoContext } from './repo-context.js';
import { readAliased } from './read-graphql.js';
import { pullAlias, pullVariable } from './landing-view-query.js';
import {
  pullFieldsFragment,
  toObservedPullNode,
  type PullNodeFields,
} from './to-observed-pull-node.js';

/** PRs one request reads at most; a longer queue takes more requests. */
export const maxQueuePullsPerRead = 100;

type QueuePullNode = PullNodeFields & {
  mergeable: 'MERGEABLE' | 'CONFLICTING' | 'UNKNOWN';
  mergeCommit: { oid: string } | null;
};

const queries = new Map<number, string>();

export function queuePullsQuery(count: number): string {
  if (!Number.isInteger(count) || count < 1 || count > maxQueuePullsPerRead)
    throw new RangeError(
      `one queue read covers 1 to ${maxQueuePullsPerRead} pull requests, not ${count}`,
    );
  const cached = queries.get(count);
  if (cached) return cached;
  const indexes = Array.from({ length: count }, (_, i) => i);
  const query = /* GraphQL */ `
  query SluiceQueuePulls(
    $owner: String!
    $name: String!
    ${indexes.map((i) => `$${pullVariable(i)}: Int!`).join('\n    ')}
  ) {
    repository(owner: $owner, name: $name) {
      ${indexes
        .map(
          (i) => `${pullAlias(i)}: pullRequest(number: $${pullVariable(i)}) {
        ...SluicePullFields
        mergeable
        mergeCommit {
          oid
        }
      }`,
        )
        .join('\n      ')}
    }
  }
  ${pullFieldsFragment}
`;
  queries.set(count, query);
  return query;
}

const pullPath = /^repository\.pr\d+$/;

/**
 * The PRs that exist among `numbers`, by number (one that does not is left out, as `getPull`
 * answers `undefined` for it). `testMergeSha` is `null`: the staging build reads it fresh.
 */
export async function readQueuePulls(
  ctx: RepoContext,
  numbers: readonly number[],
): Promise<Map<number, PullDetails>> {
  const found = new Map<number, PullDetails>();
  const read = await readAliased<number, QueuePullNode>(ctx, 'SluiceQueuePulls', {
    items: numbers,
    perRequest: maxQueuePullsPerRead,
    query: queuePullsQuery,
    alias: pullAlias,
    variable: pullVariable,
    tolerated: (path, error) => pullPath.test(path) && error.type === 'NOT_FOUND',
  });
  for (const { item: number, node } of read) {
    if (node?.number !== number) continue;
    found.set(number, {
      pull: toObservedPullNode(ctx, node),
      baseSha: node.baseRefOid,
      mergeable: node.mergeable === 'UNKNOWN' ? null : node.mergeable === 'MERGEABLE',
      testMergeSha: null,
      mergeCommitSha: node.merged ? (node.mergeCommit?.oid ?? null) : null,
    });
  }
  return found;
}
