import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderErrorPage, type PageContext } from '../dashboard/html/index.js';
import type { DashboardDeps } from './dashboard-deps.js';
import type { DashboardEnv } from './dashboard-env.js';
import { sendHtml } from './http-answers.js';
import { Sealer } from './seal.js';
import { Sessions, type Session } from './sessions.js';
import { UserAccess } from './user-access.js';

export const dashboardBasePath = '/sluice';

/** One request to the dashboard, with the session its cookie holds, if any. */
export interface DashboardRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  session: Session | undefined;
}

/** What every page and action of one dashboard shares: built once, when the app starts. */
export interface DashboardContext {
  deps: DashboardDeps;
  env: DashboardEnv;
  /** Absent without a session secret: nobody can sign in. */
  sessions: Sessions | undefined;
  /** Absent without the app's OAuth client: nobody is signed in to ask about. */
  access: UserAccess | undefined;
  /** The frame every page is rendered in: who asks, their CSRF token, the time. */
  page: (request: DashboardRequest, extra?: Partial<PageContext>) => PageContext;
  /** Answers with the error page: the status and a sentence saying what to do. */
  fail: (request: DashboardRequest, status: number, message: string, cookies?: string[]) => void;
}

export function createDashboardContext(deps: DashboardDeps): DashboardContext {
  const { env } = deps;
  const sealer = env.sessionSecret ? new Sealer(env.sessionSecret) : undefined;
  const sessions = sealer
    ? new Sessions(sealer, env.appUrl?.startsWith('https:') ?? false)
    : undefined;
  const access = deps.userApi ? new UserAccess(deps.userApi, wallClock) : undefined;

  function page(request: DashboardRequest, extra: Partial<PageContext> = {}): PageContext {
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

  function fail(
    request: DashboardRequest,
    status: number,
    message: string,
    cookies: string[] = [],
  ): void {
    sendHtml(request.res, status, renderErrorPage(status, message, page(request)), cookies);
  }

  return { deps, env, sessions, access, page, fail };
}

/**
 * Sessions and sign-ins expire in people's time, whatever clock the queue runs on (the
 * end-to-end tests move the queue's clock by hours).
 */
export function wallClock(): Date {
  return new Date();
}
