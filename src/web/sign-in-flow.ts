import {
  dashboardBasePath,
  wallClock,
  type DashboardContext,
  type DashboardRequest,
} from './dashboard-context.js';
import { statusOf } from './error-status.js';
import { redirect } from './http-answers.js';
import type { UserToken } from './github-user-api.js';

/**
 * `/sluice/login`, the start of the app's own OAuth web flow: off to GitHub's authorize page,
 * with a fresh `state` and where to come back to in the sign-in cookie.
 */
export function signIn(context: DashboardContext, request: DashboardRequest): void {
  const { deps, sessions, fail } = context;
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
    redirectUrl: callbackUrl(context, request),
  });
  redirect(request.res, authorize, [cookie], 302);
}

/**
 * `/sluice/callback`: back from GitHub. The `state` must match the sign-in cookie, which is
 * spent either way; the code is traded for the person's token and their session starts.
 */
export async function signInCallback(
  context: DashboardContext,
  request: DashboardRequest,
): Promise<void> {
  const { deps, sessions, fail } = context;
  if (!sessions || !deps.userApi) return signIn(context, request);
  const params = request.url.searchParams;
  const { pending, cookie } = sessions.finishSignIn(request.req, params.get('state'), wallClock());
  if (!pending)
    return fail(request, 400, 'This sign-in link expired or was not started here. Sign in again.', [
      cookie,
    ]);
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
    token = await deps.userApi.exchangeCode({ code, redirectUrl: callbackUrl(context, request) });
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
function callbackUrl(context: DashboardContext, request: DashboardRequest): string {
  const origin = context.env.appUrl ?? `http://${request.req.headers.host ?? 'localhost'}`;
  return `${origin}${dashboardBasePath}/callback`;
}

/**
 * Only a path of the dashboard itself, in printable ASCII (what a Location header may hold):
 * never an open redirect to another site.
 */
export function safeReturnPath(value: string | null): string {
  return value && /^\/sluice\/[\x21-\x7e]*$/.test(value) && !value.includes('\\')
    ? value
    : `${dashboardBasePath}/`;
}
