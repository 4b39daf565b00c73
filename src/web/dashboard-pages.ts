import { hasAtLeast } from '../queue/permissions.js';
import {
  renderIndexPage,
  renderQueuePage,
  renderRepoPage,
  renderSignInPage,
  type IndexView,
} from '../dashboard/html/index.js';
import { queuePath, repoPath } from '../dashboard/html/paths.js';
import { noticeFrom } from './action-notices.js';
import {
  dashboardBasePath,
  type DashboardContext,
  type DashboardRequest,
} from './dashboard-context.js';
import type { QueueKey, QueueSummary } from './dashboard-deps.js';
import { redirect, sendHtml } from './http-answers.js';

/** Where a person stands with a repository: may they see its queues, may they steer them. */
interface Viewer {
  /** The repository's name as GitHub spells it; undefined when this person may not see it. */
  fullName: string | undefined;
  canSteer: boolean;
}

async function viewerOf(
  context: DashboardContext,
  request: DashboardRequest,
  repo: string,
): Promise<Viewer> {
  const { deps, env, access } = context;
  if (request.session && access) {
    const found = await access.repo(request.session.token, repo);
    if (found) {
      const needs = await deps.app.minimumPermission(found.fullName);
      return { fullName: found.fullName, canSteer: hasAtLeast(found.role, needs) };
    }
  }
  if (env.publicRepos) {
    // Only repositories with a queue are worth a GitHub request: an anonymous visitor
    // cannot make the app spend its rate limit on names it makes up.
    const known = (await deps.data.queues()).find(
      (q) => q.repo.toLowerCase() === repo.toLowerCase(),
    );
    if (known && (await deps.app.isPublic(known.repo)))
      return { fullName: known.repo, canSteer: false };
  }
  return { fullName: undefined, canSteer: false };
}

/** GitHub's names ignore case, the store's do not: one spelling, GitHub's, is served. */
function wrongCase(
  request: DashboardRequest,
  asked: string,
  fullName: string,
  path: string,
): boolean {
  if (asked === fullName) return false;
  redirect(request.res, path, [], 308);
  return true;
}

/** Said the same whether the repository is missing or hidden: a 404 leaks nothing. */
export function notVisible(context: DashboardContext, request: DashboardRequest): void {
  const message = request.session
    ? 'There is no queue here that you can see.'
    : 'There is no public queue here. Sign in to see the queues of your repositories.';
  context.fail(request, 404, message);
}

/**
 * `/sluice/`: a signed-in person's installations and their repositories; else the public
 * repositories with a queue, when the operator allows them; else the sign-in page.
 */
export async function indexPage(
  context: DashboardContext,
  request: DashboardRequest,
): Promise<void> {
  const { deps, env, access, page } = context;
  const queues = await deps.data.queues();
  const byRepo = groupByRepo(queues);
  if (request.session && access) {
    const installations = await access.installations(request.session.token);
    const model: IndexView = {
      installations: installations.map((installation) => ({
        account: installation.account,
        repos: installation.repos.map((repo) => ({
          repo: repo.fullName,
          private: repo.private,
          queues: byRepo.get(repo.fullName.toLowerCase()) ?? [
            { repo: repo.fullName, base: repo.defaultBranch, active: 0, paused: false },
          ],
        })),
      })),
    };
    return sendHtml(request.res, 200, renderIndexPage(model, page(request)));
  }
  if (env.publicRepos) {
    const visible: IndexView['installations'][number]['repos'] = [];
    for (const [, repoQueues] of byRepo) {
      const repo = repoQueues[0]?.repo;
      if (repo && (await deps.app.isPublic(repo)))
        visible.push({ repo, private: false, queues: repoQueues });
    }
    const model: IndexView = {
      installations: visible.length > 0 ? [{ account: 'Public repositories', repos: visible }] : [],
    };
    return sendHtml(request.res, 200, renderIndexPage(model, page(request)));
  }
  sendHtml(
    request.res,
    200,
    renderSignInPage(page(request), {
      publicRepos: env.publicRepos,
      signInAvailable: deps.userApi !== undefined,
    }),
  );
}

export async function repoPage(
  context: DashboardContext,
  request: DashboardRequest,
  repo: string,
): Promise<void> {
  const { fullName } = await viewerOf(context, request, repo);
  if (!fullName) return notVisible(context, request);
  if (wrongCase(request, repo, fullName, repoPath(dashboardBasePath, fullName))) return;
  const queues = (await context.deps.data.queues()).filter((q) => q.repo === fullName);
  sendHtml(request.res, 200, renderRepoPage({ repo: fullName, queues }, context.page(request)));
}

export async function queuePage(
  context: DashboardContext,
  request: DashboardRequest,
  queue: QueueKey,
): Promise<void> {
  const viewer = await viewerOf(context, request, queue.repo);
  if (!viewer.fullName) return notVisible(context, request);
  const canonical = { repo: viewer.fullName, base: queue.base };
  if (wrongCase(request, queue.repo, viewer.fullName, queuePath(dashboardBasePath, canonical)))
    return;
  const view = await context.deps.data.queueView(canonical);
  const notice = noticeFrom(request.url);
  sendHtml(
    request.res,
    200,
    renderQueuePage(
      view,
      context.page(request, { canSteer: viewer.canSteer, ...(notice ? { notice } : {}) }),
    ),
  );
}

/** Keyed by the lowercased name: the index finds a repository however GitHub spells it. */
function groupByRepo(queues: QueueSummary[]): Map<string, QueueSummary[]> {
  const byRepo = new Map<string, QueueSummary[]>();
  for (const queue of queues) {
    const key = queue.repo.toLowerCase();
    byRepo.set(key, [...(byRepo.get(key) ?? []), queue]);
  }
  return byRepo;
}
