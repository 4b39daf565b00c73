import type { Label, RepoState } from '../world/types.js';
import type { PullIssue } from '../render/pull-request.js';
import { nodeId } from '../world/ids.js';
import { iso, isoOrNull } from '../render/basics.js';
import { actingAccount } from '../domain/pulls/acting-account.js';
import { readMergeability } from '../domain/pulls/mergeability.js';
import { readPullFacts } from '../domain/pulls/pull-facts.js';
import { headRepoOf, isFromFork } from '../domain/pulls/pull-record.js';
import type { GraphqlContext } from './graphql-context.js';
import { toConnection, type ConnectionArgs } from './connection.js';
import { field, requirePermissionOf, type ResolverTable } from './field-resolver.js';
import { actorOf, type CommitSource } from './resolve-commit.js';
import type { RepositorySource } from './resolve-repository.js';

export interface PullRequestSource {
  repo: RepoState;
  issue: PullIssue;
  /** The mergeability read of this request: the state machine advances once per query, as per REST read. */
  mergeability?: Promise<void>;
}

/** GitHub lists at most 250 commits for a pull request, in GraphQL as in REST. */
const pullCommitLimit = 250;

type PullField = (source: PullRequestSource, ctx: GraphqlContext) => unknown;
const pull = (resolve: PullField) => field<PullRequestSource>((s, _, ctx) => resolve(s, ctx));

/** The same state machine as REST pulls/get: UNKNOWN on the first read after a change, then computed. */
async function readMergeabilityOnce(source: PullRequestSource, ctx: GraphqlContext): Promise<void> {
  source.mergeability ??= readMergeability(
    ctx,
    source.repo,
    source.issue,
    actingAccount(ctx.caller),
  );
  await source.mergeability;
}

function commitOf(repo: RepoState, sha: string | null): CommitSource | null {
  return sha === null ? null : { repo, sha };
}

interface LabelOrder {
  field: 'CREATED_AT' | 'NAME';
  direction: 'ASC' | 'DESC';
}

/** Labels the PR carries, ordered as GitHub's `labels` connection orders them (creation by default). */
function labelsOf(source: PullRequestSource, order: LabelOrder): Label[] {
  const labels = source.issue.labels.flatMap((name) => {
    const label = source.repo.labels.get(name.toLowerCase());
    return label ? [label] : [];
  });
  const sign = order.direction === 'DESC' ? -1 : 1;
  return labels.sort((a, b) =>
    order.field === 'NAME' ? sign * a.name.localeCompare(b.name) : sign * (a.id - b.id),
  );
}

export const pullRequestResolvers: ResolverTable = {
  'PullRequest.id': pull(({ issue }) => nodeId('PR', issue.id)),
  'PullRequest.number': pull(({ issue }) => issue.number),
  'PullRequest.title': pull(({ issue }) => issue.title),
  'PullRequest.body': pull(({ issue }) => issue.body ?? ''),
  'PullRequest.state': pull(({ issue }) =>
    issue.state === 'open' ? 'OPEN' : issue.pull.merged ? 'MERGED' : 'CLOSED',
  ),
  'PullRequest.closed': pull(({ issue }) => issue.state === 'closed'),
  'PullRequest.merged': pull(({ issue }) => issue.pull.merged),
  'PullRequest.mergedAt': pull(({ issue }) => isoOrNull(issue.pull.mergedAt)),
  'PullRequest.createdAt': pull(({ issue }) => iso(issue.createdAt)),
  'PullRequest.isDraft': pull(({ issue }) => issue.pull.draft),
  'PullRequest.author': pull(({ issue }) => actorOf(issue.user)),
  'PullRequest.headRefOid': pull(({ issue }) => issue.pull.headSha),
  'PullRequest.headRefName': pull(({ issue }) => issue.pull.headRef),
  'PullRequest.headRepository': pull(({ repo, issue }, ctx) => {
    const headRepo = headRepoOf(ctx.world, repo, issue);
    return headRepo ? ({ repo: headRepo } satisfies RepositorySource) : null;
  }),
  'PullRequest.isCrossRepository': pull(({ repo, issue }) => isFromFork(repo, issue)),
  'PullRequest.maintainerCanModify': pull(({ issue }) => issue.pull.maintainerCanModify),
  'PullRequest.baseRefName': pull(({ issue }) => issue.pull.baseRef),
  'PullRequest.baseRefOid': pull(
    async ({ repo, issue }) => (await readPullFacts(repo, issue)).baseSha,
  ),
  'PullRequest.mergeable': pull(async (source, ctx) => {
    await readMergeabilityOnce(source, ctx);
    const { mergeability } = source.issue.pull;
    if (mergeability.state !== 'computed') return 'UNKNOWN';
    return mergeability.mergeable ? 'MERGEABLE' : 'CONFLICTING';
  }),
  // "Will not return a value if the pull request is merged, or if the test merge commit is
  // still being generated" (GitHub's schema): the same commit as REST's `merge_commit_sha`.
  'PullRequest.potentialMergeCommit': pull(async (source, ctx) => {
    requirePermissionOf(ctx, 'git/get-commit');
    await readMergeabilityOnce(source, ctx);
    const { pull: state } = source.issue;
    if (state.merged || state.mergeability.state !== 'computed') return null;
    return commitOf(source.repo, state.mergeability.testMergeSha);
  }),
  'PullRequest.mergeCommit': pull(({ repo, issue }, ctx) => {
    requirePermissionOf(ctx, 'git/get-commit');
    const { pull: state } = issue;
    return state.merged
      ? commitOf(repo, state.mergeCommitSha ?? state.mergeability.testMergeSha)
      : null;
  }),
  'PullRequest.labels': field<PullRequestSource, ConnectionArgs & { orderBy?: LabelOrder }>(
    (source, args) =>
      toConnection(
        'labels',
        labelsOf(source, args.orderBy ?? { field: 'CREATED_AT', direction: 'ASC' }),
        args,
      ),
  ),
  'PullRequest.commits': field<PullRequestSource, ConnectionArgs>(
    async ({ repo, issue }, args, ctx) => {
      requirePermissionOf(ctx, 'pulls/list-commits');
      const { baseSha } = await readPullFacts(repo, issue);
      const commits = await repo.git.listCommits({
        base: baseSha,
        head: issue.pull.headSha,
        order: 'oldest-first',
        max: pullCommitLimit,
      });
      const nodes = commits.map((info) => ({
        commit: { repo, sha: info.sha, info: Promise.resolve(info) } satisfies CommitSource,
      }));
      return toConnection('commits', nodes, args);
    },
  ),
  'PullRequestCommit.commit': field<{ commit: CommitSource }>(({ commit }) => commit),
  'Label.name': field<Label>((label) => label.name),
  'Label.color': field<Label>((label) => label.color),
  'Label.description': field<Label>((label) => label.description),
};
