import type { World } from '../world/world.js';
import type { CheckRun, RepoState } from '../world/types.js';
import { nodeId } from '../world/ids.js';
import { iso } from './basics.js';
import { renderApp } from './apps.js';

/** `pull-request-minimal`: open PRs of this repository whose head is `sha`. PRs from forks are left out, as GitHub does. */
export function renderMinimalPulls(
  world: World,
  repo: RepoState,
  sha: string,
): Record<string, unknown>[] {
  const api = `${world.apiUrl}/repos/${repo.fullName}`;
  const repoRef = { id: repo.id, url: api, name: repo.name };
  return [...repo.issues.values()].flatMap((issue) => {
    const pull = issue.pull;
    if (!pull || issue.state !== 'open' || pull.headSha !== sha) return [];
    if (pull.headRepo?.toLowerCase() !== repo.fullName.toLowerCase()) return [];
    return [
      {
        id: issue.id,
        number: issue.number,
        url: `${api}/pulls/${issue.number}`,
        head: { ref: pull.headRef, sha: pull.headSha, repo: repoRef },
        base: { ref: pull.baseRef, sha: pull.baseSha, repo: repoRef },
      },
    ];
  });
}

/** Actions check runs link to the job page (their details_url); other apps' to `/runs/<id>`. */
export function checkRunHtmlUrl(world: World, repo: RepoState, run: CheckRun): string {
  return run.detailsUrl?.includes('/actions/runs/')
    ? run.detailsUrl
    : `${world.baseUrl}/${repo.fullName}/runs/${run.id}`;
}

/**
 * A check run as REST answers it. `external_id` and `details_url` are never null: GitHub
 * answers `""` and the run's page when the app set none (verify), which is also what the
 * webhook schema demands.
 */
export function renderCheckRun(
  world: World,
  repo: RepoState,
  run: CheckRun,
): Record<string, unknown> {
  const url = `${world.apiUrl}/repos/${repo.fullName}/check-runs/${run.id}`;
  const htmlUrl = checkRunHtmlUrl(world, repo, run);
  const app = world.apps.get(run.appId);
  return {
    id: run.id,
    name: run.name,
    node_id: nodeId('CR', run.id),
    head_sha: run.headSha,
    external_id: run.externalId ?? '',
    url,
    html_url: htmlUrl,
    details_url: run.detailsUrl ?? htmlUrl,
    status: run.status,
    conclusion: run.conclusion,
    started_at: iso(run.startedAt ?? world.clock.now()),
    completed_at: run.completedAt ? iso(run.completedAt) : null,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.output.annotations.length,
      annotations_url: `${url}/annotations`,
    },
    check_suite: { id: run.suiteId },
    app: app ? renderApp(world, app) : null,
    pull_requests: renderMinimalPulls(world, repo, run.headSha),
  };
}

/** `check-run-with-simple-check-suite`: webhooks carry the suite's summary instead of its id only. */
export function renderCheckRunForWebhook(
  world: World,
  repo: RepoState,
  run: CheckRun,
): Record<string, unknown> {
  const suite = repo.checkSuites.get(run.suiteId);
  const app = world.apps.get(run.appId);
  return {
    ...renderCheckRun(world, repo, run),
    check_suite: suite
      ? {
          id: suite.id,
          node_id: nodeId('CS', suite.id),
          head_branch: suite.headBranch,
          head_sha: suite.headSha,
          status: suite.status,
          conclusion: suite.conclusion,
          url: `${world.apiUrl}/repos/${repo.fullName}/check-suites/${suite.id}`,
          before: null,
          after: suite.headSha,
          pull_requests: renderMinimalPulls(world, repo, suite.headSha),
          ...(app ? { app: renderApp(world, app) } : {}),
          created_at: iso(suite.createdAt),
          updated_at: iso(suite.updatedAt),
        }
      : { id: run.suiteId },
  };
}
