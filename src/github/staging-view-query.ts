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
export const stagingViewQuery = /* GraphQL */ `
  query SluiceStagingView($owner: String!, $name: String!, $number: Int!) {
    repository(owner: $owner, name: $name) {
      pullRequest(number: $number) {
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
    }
  }
  ${pullFieldsFragment}
  ${commitFactsFragment}
  ${commitAuthorsFragment}
`;

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
