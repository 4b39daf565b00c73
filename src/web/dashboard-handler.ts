import type { IncomingMessage, ServerResponse } from 'node:http';
import { dashboardCss } from '../dashboard/html/index.js';
import { signInPath } from '../dashboard/html/paths.js';
import { act, signOut } from './dashboard-actions.js';
import {
  createDashboardContext,
  dashboardBasePath,
  wallClock,
  type DashboardContext,
  type DashboardRequest,
} from './dashboard-context.js';
import type { DashboardDeps } from './dashboard-deps.js';
import { indexPage, queuePage, repoPage } from './dashboard-pages.js';
import { matchDashboardRoute, type DashboardRoute } from './dashboard-routes.js';
import { statusOf } from './error-status.js';
import { redirect, sendCss } from './http-answers.js';
import { signIn, signInCallback } from './sign-in-flow.js';

/**
 * `/sluice/…`: the operator dashboard. Server-rendered pages without scripts; sign-in is the
 * app's own OAuth web flow; a person sees the repositories their installations show them (and
 * public ones when the operator allows it); every action carries the session's CSRF token and
 * re-checks the person's permission on GitHub before it changes anything.
 */
export function dashboardHandler(deps: DashboardDeps) {
  const context = createDashboardContext(deps);
  const { env, sessions, fail } = context;
  if (env.oauth && !env.appUrl)
    deps.log.warn(
      {},
      'SLUICE_APP_URL is not set: the dashboard builds its sign-in callback from each ' +
        "request's Host header and its cookies are not marked Secure; set it to the app's " +
        'public https address',
    );

  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://dashboard.invalid');
    if (url.pathname === dashboardBasePath) {
      redirect(res, `${dashboardBasePath}/`, [], 308);
      return true;
    }
    const match = matchDashboardRoute(req.method ?? 'GET', url.pathname);
    if (match.kind === 'other') return false;
    const request: DashboardRequest = { req, res, url, session: sessions?.read(req, wallClock()) };
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
      await serve(context, request, match.route);
    } catch (error) {
      answerFailure(context, request, error);
    }
    return true;
  };
}

function serve(
  context: DashboardContext,
  request: DashboardRequest,
  route: DashboardRoute,
): Promise<void> | void {
  switch (route.kind) {
    case 'stylesheet':
      return sendCss(request.res, dashboardCss);
    case 'index':
      return indexPage(context, request);
    case 'sign-in':
      return signIn(context, request);
    case 'callback':
      return signInCallback(context, request);
    case 'sign-out':
      return signOut(context, request);
    case 'repo':
      return repoPage(context, request, route.repo);
    case 'queue':
      return queuePage(context, request, route);
    case 'pause':
    case 'resume':
    case 'dequeue':
    case 'retry':
      return act(context, request, route);
  }
}

/** A page or action threw: GitHub refused the person's token, or something else went wrong. */
function answerFailure(context: DashboardContext, request: DashboardRequest, error: unknown): void {
  const { deps, sessions, fail } = context;
  const { req, res, url } = request;
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
