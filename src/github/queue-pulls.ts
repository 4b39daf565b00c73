/**
 * The queue's pull requests, many in one GraphQL request: a reconcile that finds its cache
 * cold (after a sweep, or when entries expired) reads the whole queue at once instead of one
 * `pulls/get` per PR. Mergeability is asked for, as `pulls/get` does: that is what starts
 * GitHub computing the test merge a staging build uses, so it is ready by then.
 */
import type { PullDetails } from './port.js';
import type { RepoContext } from './repo-context.js';
import { readGraphqlPartly } from './read-graphql.js';
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

interface QueuePullsAnswer {
  repository: ({ [alias: `pr${number}`]: QueuePullNode | null | undefined } & object) | null;
}

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
  for (let start = 0; start < numbers.length; start += maxQueuePullsPerRead) {
    const chunk = numbers.slice(start, start + maxQueuePullsPerRead);
    const answer = await readGraphqlPartly<QueuePullsAnswer>(
      ctx,
      'SluiceQueuePulls',
      {
        query: queuePullsQuery(chunk.length),
        variables: {
          owner: ctx.owner,
          name: ctx.repo,
          ...Object.fromEntries(chunk.map((number, i) => [pullVariable(i), number])),
        },
      },
      (path, error) => pullPath.test(path) && error.type === 'NOT_FOUND',
    );
    const repository = answer?.data.repository;
    if (!repository) continue;
    chunk.forEach((number, i) => {
      const node = repository[pullAlias(i)];
      if (!node || node.number !== number) return;
      found.set(number, {
        pull: toObservedPullNode(ctx, node),
        baseSha: node.baseRefOid,
        mergeable: node.mergeable === 'UNKNOWN' ? null : node.mergeable === 'MERGEABLE',
        testMergeSha: null,
        mergeCommitSha: node.merged ? (node.mergeCommit?.oid ?? null) : null,
      });
    });
  }
  return found;
}
