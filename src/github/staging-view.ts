import type { ObservedPull } from '../queue/types.js';
import type { CommitFacts, Person, StagingView } from './port.js';
import { asReadError } from './call-github.js';
import type { RepoContext } from './repo-context.js';

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
const stagingViewQuery = /* GraphQL */ `
  query SluiceStagingView($owner: String!, $name: String!, $number: Int!) {
    repository(owner: $owner, name: $name) {
      pullRequest(number: $number) {
        number
        title
        body
        state
        merged
        isDraft
        author {
          __typename
          login
        }
        headRefOid
        headRefName
        headRepository {
          nameWithOwner
        }
        maintainerCanModify
        baseRefName
        baseRefOid
        labels(first: 100) {
          nodes {
            name
          }
        }
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
  ${commitFactsFragment}
  ${commitAuthorsFragment}
`;

/** The authors of commits past the first page (GitHub lists at most 250 commits of a PR). */
const moreAuthorsQuery = /* GraphQL */ `
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

interface CommitAuthorsPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: ({
    commit: { authors: { nodes: ({ name: string | null; email: string | null } | null)[] } };
  } | null)[];
}

interface PullRequestNode {
  number: number;
  title: string;
  body: string;
  state: 'OPEN' | 'CLOSED' | 'MERGED';
  merged: boolean;
  isDraft: boolean;
  author: { __typename: string; login: string } | null;
  headRefOid: string;
  headRefName: string;
  headRepository: { nameWithOwner: string } | null;
  maintainerCanModify: boolean;
  baseRefName: string;
  baseRefOid: string;
  labels: { nodes: ({ name: string } | null)[] } | null;
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

interface Answer<T> {
  repository: { pullRequest: T | null } | null;
}

/** GitHub lists at most 250 commits of a PR, in GraphQL as in REST. */
const pullLimit = 250;

/**
 * The PR as the staging build needs it, read in one request (two or three for PRs of more
 * than 100 commits). `mergeable` is null while GitHub computes it, as with `getPull`.
 */
export async function stagingView(
  ctx: RepoContext,
  number: number,
): Promise<StagingView | undefined> {
  const variables = { owner: ctx.owner, name: ctx.repo, number };
  const answer = await readGraphql<Answer<PullRequestNode>>(ctx, 'SluiceStagingView', {
    query: stagingViewQuery,
    variables,
  });
  const pr = answer?.repository?.pullRequest;
  if (!pr) return undefined;
  let page = pr.commits;
  const pages = [page];
  let read = page.nodes.length;
  while (page.pageInfo.hasNextPage && page.pageInfo.endCursor && read < pullLimit) {
    const next = await readGraphql<Answer<{ commits: CommitAuthorsPage }>>(
      ctx,
      'SluiceCommitAuthorsPage',
      { query: moreAuthorsQuery, variables: { ...variables, after: page.pageInfo.endCursor } },
    );
    const more = next?.repository?.pullRequest?.commits;
    if (!more) break;
    pages.push((page = more));
    read += more.nodes.length;
  }
  const open = pr.state === 'OPEN';
  const mergeable = pr.mergeable === 'UNKNOWN' ? null : pr.mergeable === 'MERGEABLE';
  const testMerge = open && mergeable === true ? toCommitFacts(pr.potentialMergeCommit) : null;
  return {
    pull: toObservedPull(ctx, pr),
    baseSha: pr.baseRefOid,
    mergeable,
    testMergeSha: testMerge?.sha ?? null,
    mergeCommitSha: pr.merged ? (pr.mergeCommit?.oid ?? null) : null,
    testMerge,
    commitAuthors: authorsOf(pages),
  };
}

function toObservedPull(ctx: RepoContext, pr: PullRequestNode): ObservedPull {
  const headRepo = pr.headRepository?.nameWithOwner ?? null;
  const here = `${ctx.owner}/${ctx.repo}`.toLowerCase();
  return {
    number: pr.number,
    state: pr.state === 'OPEN' ? 'open' : 'closed',
    merged: pr.merged,
    draft: pr.isDraft,
    title: pr.title,
    body: pr.body,
    author: loginOf(pr.author),
    headSha: pr.headRefOid,
    headRef: pr.headRefName,
    headRepo,
    headWritable: headRepo !== null && (headRepo.toLowerCase() === here || pr.maintainerCanModify),
    baseRef: pr.baseRefName,
    labels: (pr.labels?.nodes ?? []).flatMap((label) => (label ? [label.name] : [])),
    approvals: 0,
    changesRequested: false,
  };
}

/**
 * REST's login: GraphQL names an app's bot without the `[bot]` suffix REST shows, and a
 * deleted account is `null` ("ghost" on GitHub's pages).
 */
function loginOf(author: PullRequestNode['author']): string {
  if (!author) return 'ghost';
  return author.__typename === 'Bot' ? `${author.login}[bot]` : author.login;
}

function toCommitFacts(commit: PullRequestNode['potentialMergeCommit']): CommitFacts | null {
  if (!commit) return null;
  return {
    sha: commit.oid,
    tree: commit.tree.oid,
    parents: commit.parents.nodes.flatMap((parent) => (parent ? [parent.oid] : [])),
    message: commit.message,
  };
}

/**
 * An app's bot commits as `<id>+<slug>[bot]@users.noreply.<host>`; GraphQL's `GitActor.user`
 * is a `User`, never a `Bot`, so the address is what tells them apart.
 */
function isBotAddress(person: { name: string; email: string }): boolean {
  return /\[bot\]@users\.noreply\./i.test(person.email) || /\[bot\]$/i.test(person.name);
}

/**
 * Everyone who wrote the PR's commits, one per email, in commit order: git authors and the
 * `Co-authored-by` trailers GitHub's `Commit.authors` adds, as a squash on GitHub credits them.
 * App bots are left out: a bot is not a co-author.
 */
function authorsOf(pages: CommitAuthorsPage[]): Person[] {
  const people = new Map<string, Person>();
  for (const node of pages.flatMap((page) => page.nodes)) {
    for (const author of node?.commit.authors.nodes ?? []) {
      if (!author?.name || !author.email) continue;
      const person = { name: author.name, email: author.email };
      const key = person.email.toLowerCase();
      if (!isBotAddress(person) && !people.has(key)) people.set(key, person);
    }
  }
  return [...people.values()];
}

/**
 * Runs a query; a PR or repository that does not exist is `undefined`, any other error (a
 * GraphQL error list, or an HTTP failure) a `GitHubReadError` naming the query.
 */
async function readGraphql<T>(
  ctx: RepoContext,
  operation: string,
  request: { query: string; variables: Record<string, unknown> },
): Promise<T | undefined> {
  try {
    return await ctx.octokit.graphql<T>(request.query, request.variables);
  } catch (error) {
    const errors = (error as { errors?: { type?: string }[] }).errors;
    if (Array.isArray(errors) && errors.length > 0 && errors.every((e) => e.type === 'NOT_FOUND'))
      return undefined;
    throw asReadError(ctx, `graphql ${operation}`, error);
  }
}
