/**
 * `Commit.statusCheckRollup`: the check runs and commit statuses of one commit in one
 * object, so an app can read the checks of several commits in a single query. The contexts
 * are the same data REST answers: `checks/list-for-ref` with `filter=latest` (the newest run
 * per check suite and name, so a re-run attempt replaces the earlier run) and
 * `repos/get-combined-status-for-ref` (the newest status per context).
 */
import type { App, CheckRun, CheckSuite, CommitStatus, RepoState } from '../world/types.js';
import type { World } from '../world/world.js';
import { nodeId } from '../world/ids.js';
import { iso, isoOrNull } from '../render/basics.js';
import { checkRunHtmlUrl } from '../render/check-run.js';
import { queryCheckRuns } from '../ci/check-queries.js';
import { isFailedConclusion } from '../ci/conclusions.js';
import { latestStatuses } from '../domain/statuses.js';
import type { GraphqlContext } from './graphql-context.js';
import { toConnection, type Connection, type ConnectionArgs } from './connection.js';
import { field, property, requirePermissionOf, type ResolverTable } from './field-resolver.js';
import { actorOf, type CommitSource } from './resolve-commit.js';
import type { RepositorySource } from './resolve-repository.js';

type StatusState = 'ERROR' | 'EXPECTED' | 'FAILURE' | 'PENDING' | 'SUCCESS';

export interface CheckRunSource {
  __typename: 'CheckRun';
  repo: RepoState;
  run: CheckRun;
}

interface StatusContextSource {
  __typename: 'StatusContext';
  repo: RepoState;
  status: CommitStatus;
}

type ContextSource = CheckRunSource | StatusContextSource;

interface RollupSource {
  repo: RepoState;
  sha: string;
  runs: CheckRun[];
  statuses: CommitStatus[];
}

interface ContextConnection extends Connection<ContextSource> {
  checkRunCount: number;
  statusContextCount: number;
}

interface CheckSuiteSource {
  repo: RepoState;
  suite: CheckSuite;
}

/** The REST operations that read the same data, for their installation permissions. */
const readChecks = 'checks/list-for-ref';
const readStatuses = 'repos/get-combined-status-for-ref';

/** What one context weighs in the rollup's state (verify: GitHub documents only "the combined status"). */
function checkRunState(run: CheckRun): StatusState {
  if (run.status !== 'completed') return 'PENDING';
  // `stale` is set by GitHub alone (never by the stand-in); it has not passed, so it waits.
  if (run.conclusion === null || run.conclusion === 'stale') return 'PENDING';
  return isFailedConclusion(run.conclusion) ? 'FAILURE' : 'SUCCESS';
}

/** As REST's combined status: error and failure count as failure. */
function statusState(status: CommitStatus): StatusState {
  return status.state === 'error' || status.state === 'failure'
    ? 'FAILURE'
    : status.state === 'pending'
      ? 'PENDING'
      : 'SUCCESS';
}

/** Failure if any context failed; else pending if any is unfinished; else success. */
function rollupState({ runs, statuses }: RollupSource): StatusState {
  const states = [...runs.map(checkRunState), ...statuses.map(statusState)];
  if (states.includes('FAILURE')) return 'FAILURE';
  if (states.includes('PENDING')) return 'PENDING';
  return 'SUCCESS';
}

function rollupOf({ repo, sha }: CommitSource): RollupSource | null {
  const onCommit = [...repo.checkRuns.values()].filter((run) => run.headSha === sha);
  const runs = queryCheckRuns(onCommit, { filter: 'latest' });
  const statuses = latestStatuses(repo, sha);
  return runs.length === 0 && statuses.length === 0 ? null : { repo, sha, runs, statuses };
}

/**
 * Check runs first, newest first (REST list-for-ref's order), then statuses in the combined
 * status's order (verify: GitHub does not document the order of `contexts`).
 */
function contextsOf(rollup: RollupSource): ContextSource[] {
  return [
    ...rollup.runs.map((run): CheckRunSource => ({
      __typename: 'CheckRun',
      repo: rollup.repo,
      run,
    })),
    ...rollup.statuses.map((status): StatusContextSource => ({
      __typename: 'StatusContext',
      repo: rollup.repo,
      status,
    })),
  ];
}

/**
 * A status context needs `statuses: read`. Without it GitHub answers that list entry `null`
 * with a FORBIDDEN error at its own path (`…contexts.nodes.3`), the check runs still answered.
 */
function guardContext(node: ContextSource, ctx: GraphqlContext): ContextSource {
  if (node.__typename === 'StatusContext') requirePermissionOf(ctx, readStatuses);
  return node;
}

/** A list entry graphql-js completes as `null` plus an error at that entry's path when it rejects. */
function guardedEntry(
  node: ContextSource,
  ctx: GraphqlContext,
): ContextSource | Promise<ContextSource> {
  if (node.__typename !== 'StatusContext') return node;
  return new Promise((resolve) => resolve(guardContext(node, ctx)));
}

const upper = (value: string): string => value.toUpperCase();

function suiteOf(repo: RepoState, run: CheckRun): CheckSuiteSource {
  const suite = repo.checkSuites.get(run.suiteId);
  if (!suite)
    throw new Error(`fake-github: check suite ${run.suiteId} is missing from ${repo.fullName}`);
  return { repo, suite };
}

function appOf(world: World, appId: number): App | null {
  return world.apps.get(appId) ?? null;
}

/** What REST answers as `html_url` and `details_url` (render/check-run.ts). */
function urlsOf(world: World, { repo, run }: CheckRunSource) {
  const htmlUrl = checkRunHtmlUrl(world, repo, run);
  return { htmlUrl, detailsUrl: run.detailsUrl ?? htmlUrl };
}

const checkRun = (resolve: (source: CheckRunSource, ctx: GraphqlContext) => unknown) =>
  field<CheckRunSource>((source, _, ctx) => resolve(source, ctx));
const statusContext = (resolve: (source: StatusContextSource) => unknown) =>
  field<StatusContextSource>((source) => resolve(source));

export const statusCheckRollupResolvers: ResolverTable = {
  // Reading check runs needs `checks: read`, as REST list-for-ref: without it the whole
  // rollup is `null` with a FORBIDDEN error at its path (verify which permission GitHub asks).
  'Commit.statusCheckRollup': field<CommitSource>((source, _, ctx) => {
    requirePermissionOf(ctx, readChecks);
    return rollupOf(source);
  }),
  'StatusCheckRollup.id': field<RollupSource>(
    ({ repo, sha }) => `SCR_${Buffer.from(`${repo.id}:${sha}`).toString('base64url')}`,
  ),
  'StatusCheckRollup.commit': field<RollupSource>(
    ({ repo, sha }) => ({ repo, sha }) satisfies CommitSource,
  ),
  'StatusCheckRollup.state': field<RollupSource>(rollupState),
  'StatusCheckRollup.contexts': field<RollupSource, ConnectionArgs>((rollup, args) => {
    const connection: ContextConnection = {
      ...toConnection('contexts', contextsOf(rollup), args),
      checkRunCount: rollup.runs.length,
      statusContextCount: rollup.statuses.length,
    };
    return connection;
  }),

  'StatusCheckRollupContextConnection.nodes': field<ContextConnection>(({ nodes }, _, ctx) =>
    nodes.map((node) => guardedEntry(node, ctx)),
  ),
  'StatusCheckRollupContextConnection.edges': property<ContextConnection>('edges'),
  'StatusCheckRollupContextConnection.pageInfo': property<ContextConnection>('pageInfo'),
  'StatusCheckRollupContextConnection.totalCount': property<ContextConnection>('totalCount'),
  'StatusCheckRollupContextConnection.checkRunCount': property<ContextConnection>('checkRunCount'),
  'StatusCheckRollupContextConnection.statusContextCount':
    property<ContextConnection>('statusContextCount'),
  'StatusCheckRollupContextEdge.node': field<{ node: ContextSource }>(({ node }, _, ctx) =>
    guardContext(node, ctx),
  ),
  'StatusCheckRollupContextEdge.cursor': property<{ cursor: string }>('cursor'),

  'CheckRun.id': checkRun(({ run }) => nodeId('CR', run.id)),
  'CheckRun.databaseId': checkRun(({ run }) => run.id),
  'CheckRun.name': checkRun(({ run }) => run.name),
  'CheckRun.status': checkRun(({ run }) => upper(run.status)),
  'CheckRun.conclusion': checkRun(({ run }) => (run.conclusion ? upper(run.conclusion) : null)),
  'CheckRun.detailsUrl': checkRun((source, ctx) => urlsOf(ctx.world, source).detailsUrl),
  'CheckRun.permalink': checkRun((source, ctx) => urlsOf(ctx.world, source).htmlUrl),
  'CheckRun.url': checkRun((source, ctx) => urlsOf(ctx.world, source).htmlUrl),
  'CheckRun.startedAt': checkRun(({ run }) => isoOrNull(run.startedAt)),
  'CheckRun.completedAt': checkRun(({ run }) => isoOrNull(run.completedAt)),
  'CheckRun.title': checkRun(({ run }) => run.output.title),
  'CheckRun.summary': checkRun(({ run }) => run.output.summary),
  'CheckRun.text': checkRun(({ run }) => run.output.text),
  'CheckRun.repository': checkRun(({ repo }) => ({ repo }) satisfies RepositorySource),
  'CheckRun.checkSuite': checkRun(({ repo, run }) => suiteOf(repo, run)),

  'CheckSuite.id': field<CheckSuiteSource>(({ suite }) => nodeId('CS', suite.id)),
  'CheckSuite.databaseId': field<CheckSuiteSource>(({ suite }) => suite.id),
  'CheckSuite.status': field<CheckSuiteSource>(({ suite }) => upper(suite.status)),
  'CheckSuite.conclusion': field<CheckSuiteSource>(({ suite }) =>
    suite.conclusion ? upper(suite.conclusion) : null,
  ),
  'CheckSuite.createdAt': field<CheckSuiteSource>(({ suite }) => iso(suite.createdAt)),
  'CheckSuite.updatedAt': field<CheckSuiteSource>(({ suite }) => iso(suite.updatedAt)),
  'CheckSuite.app': field<CheckSuiteSource>(({ suite }, _, ctx) => appOf(ctx.world, suite.appId)),
  'App.id': field<App>((app) => nodeId('A', app.id)),
  'App.databaseId': field<App>((app) => app.id),
  'App.slug': field<App>((app) => app.slug),
  'App.name': field<App>((app) => app.name),

  'StatusContext.id': statusContext(({ status }) => nodeId('SC', status.id)),
  'StatusContext.context': statusContext(({ status }) => status.context),
  'StatusContext.state': statusContext(({ status }) => upper(status.state)),
  'StatusContext.targetUrl': statusContext(({ status }) => status.targetUrl),
  'StatusContext.description': statusContext(({ status }) => status.description),
  'StatusContext.createdAt': statusContext(({ status }) => iso(status.createdAt)),
  'StatusContext.creator': statusContext(({ status }) => actorOf(status.creator)),
  'StatusContext.commit': statusContext(
    ({ repo, status }) => ({ repo, sha: status.sha }) satisfies CommitSource,
  ),
};
