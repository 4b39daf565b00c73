/**
 * The GraphQL documents the staging view sends, and the shapes of their answers. The local
 * GitHub checks each against GitHub's published schema.
 */

import { pullFieldsFragment, type PullNodeFields } from './to-observed-pull-node.js';

/** GraphQL refuses a document with a fragment it does not use, so each is added where used. */
const commitFactsFragment = /* GraphQL */ `
  fragment SluiceCommitFacts on Commit {
    oid
    message
    tree {
      oid
    }
    parents(first: 2) {
      nodes {
        oid
      }
    }
  }
`;

const commitAuthorsFragment = /* GraphQL */ `
  fragment SluiceCommitAuthors on PullRequestCommitConnection {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      commit {
        authors(first: 10) {
          nodes {
            name
            email
          }
        }
      }
    }
  }
`;

/**
 * Everything building a staging commit reads, in one GraphQL query where REST needs three
 * requests (pulls/get, git/get-commit for the test merge, pulls/list-commits for the authors).
 * The fields are those of REST's pull-request, so the result is the same `PullDetails`.
 */
const stagingPullSelection = /* GraphQL */ `
  {
    ...SluicePullFields
    mergeable
    potentialMergeCommit {
      ...SluiceCommitFacts
    }
    mergeCommit {
      oid
    }
    commits(first: 100) {
      ...SluiceCommitAuthors
    }
  }
`;

export const stagingViewQuery = /* GraphQL */ `
  query SluiceStagingView($owner: String!, $name: String!, $number: Int!) {
    repository(owner: $owner, name: $name) {
      pullRequest(number: $number) ${stagingPullSelection}
    }
  }
  ${pullFieldsFragment}
  ${commitFactsFragment}
  ${commitAuthorsFragment}
`;

/** PRs one staging views read covers (a batch is at most 32). */
export const maxStagingViews = 32;

const viewQueries = new Map<number, string>();

/** `stagingViewQuery` for `count` PRs at once, aliased `pr0`, `pr1`, … with numbers `$n0`, … */
export function stagingViewsQuery(count: number): string {
  if (!Number.isInteger(count) || count < 1 || count > maxStagingViews)
    throw new RangeError(`a staging views read covers 1 to ${maxStagingViews} PRs, not ${count}`);
  const cached = viewQueries.get(count);
  if (cached) return cached;
  const indexes = Array.from({ length: count }, (_, i) => i);
  const query = /* GraphQL */ `
  query SluiceStagingViews($owner: String!, $name: String!, ${indexes.map((i) => `$n${i}: Int!`).join(', ')}) {
    repository(owner: $owner, name: $name) {
      ${indexes
        .map((i) => `pr${i}: pullRequest(number: $n${i}) ${stagingPullSelection}`)
        .join('\n      ')}
    }
  }
  ${pullFieldsFragment}
  ${commitFactsFragment}
  ${commitAuthorsFragment}
`;
  viewQueries.set(count, query);
  return query;
}

/** The authors of commits past the first page (GitHub lists at most 250 commits of a PR). */
export const moreAuthorsQuery = /* GraphQL */ `
  query SluiceCommitAuthorsPage($owner: String!, $name: String!, $number: Int!, $after: String!) {
    repository(owner: $owner, name: $name) {
      pullRequest(number: $number) {
        commits(first: 100, after: $after) {
          ...SluiceCommitAuthors
        }
      }
    }
  }
  ${commitAuthorsFragment}
`;

export interface CommitAuthorsPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: ({
    commit: { authors: { nodes: ({ name: string | null; email: string | null } | null)[] } };
  } | null)[];
}

export interface PullRequestNode extends PullNodeFields {
  mergeable: 'MERGEABLE' | 'CONFLICTING' | 'UNKNOWN';
  potentialMergeCommit: {
    oid: string;
    message: string;
    tree: { oid: string };
    parents: { nodes: ({ oid: string } | null)[] };
  } | null;
  mergeCommit: { oid: string } | null;
  commits: CommitAuthorsPage;
}

export interface Answer<T> {
  repository: { pullRequest: T | null } | null;
}
