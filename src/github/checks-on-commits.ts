/**
 * The checks of several commits in one GraphQL request (`Commit.statusCheckRollup`): what a
 * reconcile reads for every staging in flight whose checks it does not hold, instead of one
 * `checks/list-for-ref` (and maybe a combined status) per commit. The rollup lists the latest
 * check run per suite and name, and the latest status per context, as REST's `filter=latest`
 * and combined status do; the same `ObservedCheck`s come out. A commit with more checks than
 * one page holds is read through REST instead (rare: a hundred checks on one commit).
 */
import type { ObservedCheck } from '../queue/types.js';
import type { RepoContext } from './repo-context.js';
import { readAliased } from './read-graphql.js';
import { checksOn, latestPerName } from './checks-on.js';
import { checkRunToObserved, sluiceCheckName, statusToObserved } from './to-observed-check.js';

/** The checks of one commit, for queries that read them with other things (the landing view). */
export const commitChecksFragment = /* GraphQL */ `
  fragment SluiceCommitChecks on Commit {
    oid
    statusCheckRollup {
      contexts(first: 100) {
        pageInfo {
          hasNextPage
        }
        nodes {
          __typename
          ... on CheckRun {
            databaseId
            name
            status
            conclusion
            detailsUrl
            permalink
          }
          ... on StatusContext {
            context
            state
            targetUrl
          }
        }
      }
    }
  }
`;

/** Commits one request reads at most. */
export const maxCommitsPerChecksRead = 50;

type ContextNode =
  | {
      __typename: 'CheckRun';
      databaseId: number;
      name: string;
      status: string;
      conclusion: string | null;
      detailsUrl: string | null;
      permalink: string | null;
    }
  | { __typename: 'StatusContext'; context: string; state: string; targetUrl: string | null };

export interface CommitChecksNode {
  oid: string;
  statusCheckRollup: {
    contexts: { pageInfo: { hasNextPage: boolean }; nodes: (ContextNode | null)[] };
  } | null;
}

const alias = (i: number) => `c${i}`;

export function checksOnCommitsQuery(count: number): string {
  if (!Number.isInteger(count) || count < 1 || count > maxCommitsPerChecksRead)
    throw new RangeError(
      `one checks read covers 1 to ${maxCommitsPerChecksRead} commits, not ${count}`,
    );
  const indexes = Array.from({ length: count }, (_, i) => i);
  return /* GraphQL */ `
  query SluiceChecksOnCommits($owner: String!, $name: String!, ${indexes.map((i) => `$${alias(i)}: GitObjectID!`).join(', ')}) {
    repository(owner: $owner, name: $name) {
      ${indexes.map((i) => `${alias(i)}: object(oid: $${alias(i)}) { ...SluiceCommitChecks }`).join('\n      ')}
    }
  }
  ${commitChecksFragment}
`;
}

/** A status the app may not read (no `statuses` permission) is null with an error at its path. */
export const contextPath = /^repository\.(c\d+|tip)\.statusCheckRollup\.contexts\.nodes\.\d+$/;

/**
 * Each commit's checks, Sluice's own check run left out, as `checksOn` reports them. Every sha
 * asked for is in the answer (a commit GitHub does not have reports no checks).
 */
export async function checksOnCommits(
  ctx: RepoContext,
  shas: readonly string[],
): Promise<Map<string, ObservedCheck[]>> {
  const found = new Map<string, ObservedCheck[]>();
  const read = await readAliased<string, CommitChecksNode>(ctx, 'SluiceChecksOnCommits', {
    items: shas,
    perRequest: maxCommitsPerChecksRead,
    query: checksOnCommitsQuery,
    alias,
    variable: alias,
    tolerated: (path, error) => contextPath.test(path) && error.type === 'FORBIDDEN',
  });
  for (const { item: sha, node } of read)
    found.set(sha, commitChecksOf(node) ?? (await checksOn(ctx, sha)));
  return found;
}

/**
 * A commit's checks as `checksOn` reports them, Sluice's own left out; `undefined` when they
 * take more than one page (read them through REST then).
 */
export function commitChecksOf(commit: CommitChecksNode | null): ObservedCheck[] | undefined {
  const rollup = commit?.statusCheckRollup ?? null;
  if (rollup?.contexts.pageInfo.hasNextPage) return undefined;
  return toObservedChecks(rollup?.contexts.nodes ?? []);
}

function toObservedChecks(nodes: readonly (ContextNode | null)[]): ObservedCheck[] {
  const runs = nodes.flatMap((node) =>
    node?.__typename === 'CheckRun' && node.name !== sluiceCheckName
      ? [
          {
            id: node.databaseId,
            name: node.name,
            status: node.status.toLowerCase(),
            conclusion: node.conclusion?.toLowerCase() ?? null,
            details_url: node.detailsUrl,
            html_url: node.permalink,
          },
        ]
      : [],
  );
  const statuses = nodes.flatMap((node) =>
    node?.__typename === 'StatusContext'
      ? [{ context: node.context, state: node.state.toLowerCase(), target_url: node.targetUrl }]
      : [],
  );
  return [...latestPerName(runs).map(checkRunToObserved), ...statuses.map(statusToObserved)];
}
