import type { IncomingMessage, ServerResponse } from 'node:http';
import { hasAtLeast } from '../queue/permissions.js';
import { readLimitedBody } from '../runtime/read-limited-body.js';
import {
  dashboardCss,
  renderErrorPage,
  renderIndexPage,
  renderQueuePage,
  renderRepoPage,
  renderSignInPage,
  type IndexView,
  type PageContext,
} from '../dashboard/html/index.js';
import { queuePath, repoPath, signInPath } from '../dashboard/html/paths.js';
import type { DashboardDeps, QueueKey, QueueSummary } from './dashboard-deps.js';
import { matchDashboardRoute, type DashboardRoute } from './dashboard-routes.js';
import { redirect, sendCss, sendHtml } from './http-answers.js';
import { Sealer } from './seal.js';
import { Sessions, sameToken, type Session } from './sessions.js';
import { UserAccess } from './user-access.js';
import type { UserToken } from './github-user-api.js';

export const dashboardBasePath = '/sluice';
/** A form of the dashboard is a token and a reason: a few kilobytes is plenty. */
const maxFormBytes = 16 * 1024;
const maxReasonLength = 300;

interface Request {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  session: Session | undefined;
}

/** Where a person stands with a repository: may they see its queues, may they steer them. */
interface Viewer {
  /** The repository's name as GitHub spells it; undefined when this person may not see it. */
  fullName: string | undefined;
  canSteer: boolean;
}

/**
 * `/sluice/…`: the operator dashboard. Server-rendered pages without scripts; sign-in is the
 * app's own OAuth web flow; a person sees the repositories their installations show them (and
 * public ones when the operator allows it); every action carries the session's CSRF token and
 * re-checks the person's permission on GitHub before it changes anything.
 */
export function dashboardHandler(deps: DashboardDeps) {
  const { env } = deps;
  const sealer = env.sessionSecret ? new Sealer(env.sessionSecret) : undefined;
  const sessions = sealer
    ? new Sessions(sealer, env.appUrl?.startsWith('https:') ?? false)
    : undefined;
  const access = deps.userApi ? new UserAccess(deps.userApi, wallClock) : undefined;
  if (env.oauth && !env.appUrl)
    deps.log.warn(
      {},
      'SLUICE_APP_URL is not set: the dashboard builds its sign-in callback from each ' +
        "request's Host header and its cookies are not marked Secure; set it to the app's " +
        'public https address',
    );

  function page(request: Request, extra: Partial<PageContext> = {}): PageContext {
    return {
      basePath: dashboardBasePath,
      serverUrl: env.github.webUrl,
      user: request.session ? { login: request.session.login } : null,
      csrfToken: request.session?.csrf ?? null,
      canSteer: false,
      now: deps.now(),
      ...extra,
    };
  }

  function fail(request: Request, status: number, message: string, cookies: string[] = []): void {
    sendHtml(request.res, status, renderErrorPage(status, message, page(request)), cookies);
  }

  async function viewerOf(request: Request, repo: string): Promise<Viewer> {
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
  function wrongCase(request: Request, asked: string, fullName: string, path: string): boolean {
    if (asked === fullName) return false;
    redirect(request.res, path, [], 308);
    return true;
  }

  /** Said the same whether the repository is missing or hidden: a 404 leaks nothing. */
  function notVisible(request: Request): void {
    const message = request.session
      ? 'There is no queue here that you can see.'
      : 'There is no public queue here. Sign in to see the queues of your repositories.';
    fail(request, 404, message);
  }

  async function index(request: Request): Promise<void> {
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
        installations:
          visible.length > 0 ? [{ account: 'Public repositories', repos: visible }] : [],
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

  async function repoPage(request: Request, repo: string): Promise<void> {
    const { fullName } = await viewerOf(request, repo);
    if (!fullName) return notVisible(request);
    if (wrongCase(request, repo, fullName, repoPath(dashboardBasePath, fullName))) return;
    const queues = (await deps.data.queues()).filter((q) => q.repo === fullName);
    sendHtml(request.res, 200, renderRepoPage({ repo: fullName, queues }, page(request)));
  }

  async function queuePage(request: Request, queue: QueueKey): Promise<void> {
    const viewer = await viewerOf(request, queue.repo);
    if (!viewer.fullName) return notVisible(request);
    const canonical = { repo: viewer.fullName, base: queue.base };
    if (wrongCase(request, queue.repo, viewer.fullName, queuePath(dashboardBasePath, canonical)))
      return;
    const view = await deps.data.queueView(canonical);
    const notice = noticeFrom(request.url);
    sendHtml(
      request.res,
      200,
      renderQueuePage(
        view,
        page(request, { canSteer: viewer.canSteer, ...(notice ? { notice } : {}) }),
      ),
    );
  }

  function signIn(request: Request): void {
    if (!sessions || !deps.userApi)
      return fail(
        request,
        503,
        'Sign-in is not set up: the operator sets GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET ' +
          "from the GitHub App's settings page.",
      );
    const returnTo = safeReturnPath(request.url.searchParams.get('return_to'));
    const { pending, cookie } = sessions.beginSignIn(returnTo, wallClock());
    const authorize = deps.userApi.authorizeUrl({
      state: pending.state,
      redirectUrl: callbackUrl(request),
    });
    redirect(request.res, authorize, [cookie], 302);
  }

  async function callback(request: Request): Promise<void> {
    if (!sessions || !deps.userApi) return signIn(request);
    const params = request.url.searchParams;
    const { pending, cookie } = sessions.finishSignIn(
      request.req,
      params.get('state'),
      wallClock(),
    );
    if (!pending)
      return fail(
        request,
        400,
        'This sign-in link expired or was not started here. Sign in again.',
        [cookie],
      );
    const denied = params.get('error');
    if (denied)
      return fail(
        request,
        403,
        denied === 'access_denied'
          ? 'You cancelled signing in with GitHub.'
          : `GitHub did not sign you in (${denied}).`,
        [cookie],
      );
    const code = params.get('code');
    if (!code) return fail(request, 400, 'GitHub sent no sign-in code. Sign in again.', [cookie]);
    let token: UserToken;
    let user: { login: string; id: number };
    try {
      token = await deps.userApi.exchangeCode({ code, redirectUrl: callbackUrl(request) });
      user = await deps.userApi.user(token.token);
    } catch (error) {
      // Never the error itself: Octokit's carries the request, client secret included.
      deps.log.warn(
        { status: statusOf(error), message: error instanceof Error ? error.message : '' },
        'dashboard: GitHub refused the sign-in code',
      );
      return fail(request, 400, 'GitHub did not accept this sign-in. Sign in again.', [cookie]);
    }
    const started = sessions.start(
      { ...user, token: token.token, tokenExpiresAt: token.expiresAt },
      wallClock(),
    );
    deps.log.info({ login: user.login }, 'dashboard: signed in');
    redirect(request.res, pending.returnTo, [cookie, started.cookie]);
  }

  /** The public address of the callback: SLUICE_APP_URL's, else the address this came in on. */
  function callbackUrl(request: Request): string {
    const origin = env.appUrl ?? `http://${request.req.headers.host ?? 'localhost'}`;
    return `${origin}${dashboardBasePath}/callback`;
  }

  /**
   * Every POST: a signed-in session, a form from our own pages (the session's CSRF token, and
   * an Origin, when the browser sends one, that is ours).
   */
  async function readForm(request: Request): Promise<URLSearchParams | undefined> {
    if (!request.session) {
      fail(request, 401, 'Sign in to change a queue.');
      return undefined;
    }
    const origin = request.req.headers.origin;
    const ours = env.appUrl ? new URL(env.appUrl).origin : `http://${request.req.headers.host}`;
    if (
      origin !== undefined &&
      origin !== 'null' &&
      origin !== ours &&
      !sameHost(origin, request)
    ) {
      fail(request, 403, 'This form was sent from another site; nothing was changed.');
      return undefined;
    }
    const body = await readLimitedBody(request.req, maxFormBytes);
    if (body.kind !== 'complete') {
      fail(request, 413, 'The form was too large; nothing was changed.');
      return undefined;
    }
    const form = new URLSearchParams(body.body.toString('utf8'));
    if (!sameToken(request.session.csrf, form.get('csrf'))) {
      fail(
        request,
        403,
        'The form is out of date or did not come from this dashboard (its CSRF token does not ' +
          'match); nothing was changed. Reload the page and try again.',
      );
      return undefined;
    }
    return form;
  }

  /**
   * Read fresh: the token is still this person's and still reaches the repository, and their
   * role there is enough right now. Returns the repository's name as GitHub spells it.
   */
  async function mayAct(
    request: Request,
    session: Session,
    repo: string,
  ): Promise<string | undefined> {
    if (!deps.userApi) return undefined;
    const [me, fullName] = await Promise.all([
      deps.userApi.user(session.token),
      deps.userApi.visibleName(session.token, repo),
    ]);
    if (me.id !== session.userId) {
      const cookies = sessions ? [sessions.end()] : [];
      fail(
        request,
        401,
        'This session does not match your GitHub account. Sign in again.',
        cookies,
      );
      return undefined;
    }
    if (!fullName) {
      notVisible(request);
      return undefined;
    }
    const [has, needs] = await Promise.all([
      deps.app.permissionOf(fullName, session.login),
      deps.app.minimumPermission(fullName),
    ]);
    if (hasAtLeast(has, needs)) return fullName;
    fail(
      request,
      403,
      `Changing this queue needs ${needs} permission on ${fullName}; you have ${has}.`,
    );
    return undefined;
  }

  async function act(
    request: Request,
    route: Extract<DashboardRoute, { kind: 'pause' | 'resume' | 'dequeue' | 'retry' }>,
  ): Promise<void> {
    const form = await readForm(request);
    const session = request.session;
    if (!form || !session) return;
    const repo = await mayAct(request, session, route.repo);
    if (!repo) return;
    const queue = { repo, base: route.base };
    const back = (done: string, pr?: number) =>
      redirect(
        request.res,
        `${queuePath(dashboardBasePath, queue)}?done=${done}${pr ? `&pr=${pr}` : ''}`,
      );
    switch (route.kind) {
      case 'pause': {
        const reason = (form.get('reason') ?? '').trim();
        if (reason === '' || reason.length > maxReasonLength)
          return fail(
            request,
            400,
            `Say why the queue is paused, in at most ${maxReasonLength} characters: every ` +
              'queued pull request shows the reason.',
          );
        await deps.app.pause({ ...queue, reason, by: session.login });
        deps.log.info({ ...queue, login: session.login }, 'dashboard: queue paused');
        return back('paused');
      }
      case 'resume': {
        const resumed = await deps.app.resume({ ...queue, by: session.login });
        deps.log.info({ ...queue, login: session.login, resumed }, 'dashboard: queue resumed');
        return back(resumed ? 'resumed' : 'not-paused');
      }
      case 'dequeue':
      case 'retry': {
        const entry = await deps.app.activeEntry(queue, route.entryId);
        if (!entry)
          return fail(request, 404, 'That entry is no longer in this queue; nothing was changed.');
        await deps.app.requestCommand({
          ...queue,
          number: entry.number,
          kind: route.kind,
          by: session.login,
        });
        return back(route.kind, entry.number);
      }
    }
  }

  async function serve(request: Request, route: DashboardRoute): Promise<void> {
    switch (route.kind) {
      case 'stylesheet':
        return sendCss(request.res, dashboardCss);
      case 'index':
        return index(request);
      case 'sign-in':
        return signIn(request);
      case 'callback':
        return callback(request);
      case 'sign-out': {
        const form = await readForm(request);
        if (!form || !sessions) return;
        return redirect(request.res, `${dashboardBasePath}/`, [sessions.end()]);
      }
      case 'repo':
        return repoPage(request, route.repo);
      case 'queue':
        return queuePage(request, route);
      case 'pause':
      case 'resume':
      case 'dequeue':
      case 'retry':
        return act(request, route);
    }
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://dashboard.invalid');
    if (url.pathname === dashboardBasePath) {
      redirect(res, `${dashboardBasePath}/`, [], 308);
      return true;
    }
    const match = matchDashboardRoute(req.method ?? 'GET', url.pathname);
    if (match.kind === 'other') return false;
    const request: Request = { req, res, url, session: sessions?.read(req, wallClock()) };
    if (!env.enabled) {
      fail(request, 404, 'The dashboard is turned off on this server (SLUICE_DASHBOARD=off).');
      return true;
    }
    if (match.kind === 'not-found') {
      fail(request, 404, 'There is no such page.');
      return true;
    }
    if (match.kind === 'wrong-method') {
      res.setHeader('allow', match.allow);
      fail(request, 405, `This page answers ${match.allow} only.`);
      return true;
    }
    try {
      await serve(request, match.route);
    } catch (error) {
      if (res.headersSent) {
        res.end();
      } else if (statusOf(error) === 401 && request.session && sessions) {
        // The person's token expired or was revoked: sign in again, and come back here.
        const back = req.method === 'GET' ? url.pathname : `${dashboardBasePath}/`;
        const to = `${signInPath(dashboardBasePath)}?return_to=${encodeURIComponent(back)}`;
        redirect(res, to, [sessions.end()]);
      } else {
        // The status and message only: Octokit's errors carry their request, tokens included.
        const message = error instanceof Error ? error.message : String(error);
        deps.log.error(
          { status: statusOf(error), message, path: url.pathname },
          'dashboard: request failed',
        );
        fail(request, 502, 'Sluice could not read what this page needs just now. Try again.');
      }
    }
    return true;
  };
}

/**
 * Sessions and sign-ins expire in people's time, whatever clock the queue runs on (the
 * end-to-end tests move the queue's clock by hours).
 */
function wallClock(): Date {
  return new Date();
}

function groupByRepo(queues: QueueSummary[]): Map<string, QueueSummary[]> {
  const byRepo = new Map<string, QueueSummary[]>();
  for (const queue of queues) {
    const key = queue.repo.toLowerCase();
    byRepo.set(key, [...(byRepo.get(key) ?? []), queue]);
  }
  return byRepo;
}

/**
 * Only a path of the dashboard itself, in printable ASCII (what a Location header may hold):
 * never an open redirect to another site.
 */
function safeReturnPath(value: string | null): string {
  return value && /^\/sluice\/[\x21-\x7e]*$/.test(value) && !value.includes('\\')
    ? value
    : `${dashboardBasePath}/`;
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

function sameHost(origin: string, request: Request): boolean {
  try {
    return new URL(origin).host === request.req.headers.host;
  } catch {
    return false;
  }
}

const notices: Record<string, (pr: string | null) => string> = {
  paused: () => 'Queue paused. Every queued pull request now says so and why.',
  resumed: () => 'Queue resumed.',
  'not-paused': () => 'The queue was not paused by an operator: nothing to resume.',
  dequeue: (pr) => `Asked Sluice to dequeue #${pr}. Its check run says when it is done.`,
  retry: (pr) => `Asked Sluice to retry #${pr}.`,
};

/** The message after an action: from a fixed list, never text taken from the URL. */
function noticeFrom(url: URL): string | undefined {
  const done = url.searchParams.get('done');
  const pr = url.searchParams.get('pr');
  const say = done ? notices[done] : undefined;
  if (!say) return undefined;
  return say(pr && /^[0-9]{1,9}$/.test(pr) ? pr : null);
}
