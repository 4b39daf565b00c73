import type { CommitFacts, Person, StagingView } from './port.js';
import type { RepoContext } from './repo-context.js';
import { readAliased, readGraphql } from './read-graphql.js';
import { toObservedPullNode } from './to-observed-pull-node.js';
import {
  maxStagingViews,
  moreAuthorsQuery,
  stagingViewQuery,
  stagingViewsQuery,
  type Answer,
  type CommitAuthorsPage,
  type PullRequestNode,
} from './staging-view-query.js';

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
  return toStagingView(ctx, pr);
}

const pullPath = /^repository\.pr\d+$/;

/**
 * Several PRs as `stagingView` reads one, in one request (chunks of `maxStagingViews`): what
 * building a staging of a batch reads. A PR that does not exist is left out.
 */
export async function stagingViews(
  ctx: RepoContext,
  numbers: readonly number[],
): Promise<Map<number, StagingView>> {
  const views = new Map<number, StagingView>();
  const read = await readAliased<number, PullRequestNode>(ctx, 'SluiceStagingViews', {
    items: numbers,
    perRequest: maxStagingViews,
    query: stagingViewsQuery,
    alias: (i) => `pr${i}`,
    variable: (i) => `n${i}`,
    tolerated: (path, error) => pullPath.test(path) && error.type === 'NOT_FOUND',
  });
  for (const { item: number, node } of read)
    if (node?.number === number) views.set(number, await toStagingView(ctx, node));
  return views;
}

async function toStagingView(ctx: RepoContext, pr: PullRequestNode): Promise<StagingView> {
  const variables = { owner: ctx.owner, name: ctx.repo, number: pr.number };
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
    pull: toObservedPullNode(ctx, pr),
    baseSha: pr.baseRefOid,
    mergeable,
    testMergeSha: testMerge?.sha ?? null,
    mergeCommitSha: pr.merged ? (pr.mergeCommit?.oid ?? null) : null,
    testMerge,
    commitAuthors: authorsOf(pages),
  };
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
