import type { World } from '../world/world.js';
import type { Account, App } from '../world/types.js';
import { findAppByClientId } from './oauth-client.js';
import { htmlAnswer, redirectAnswer } from './oauth-answer.js';
import { authorizeError } from './oauth-errors.js';
import { readOAuthParams, sessionLogin } from './read-oauth-params.js';
import { renderAuthorizePage, renderErrorPage } from './authorize-page.js';
import type { OAuthServed } from './types.js';

/** The test session cookie: the login a browser is signed in to the stand-in as. */
export const sessionCookie = 'fake_github_user';

/** `GET` shows the authorize page (or answers at once); `POST` is its form being submitted. */
export async function serveAuthorize(world: World, request: Request): Promise<OAuthServed> {
  const params = await readOAuthParams(request);
  const response =
    request.method.toUpperCase() === 'POST'
      ? answerForm(world, params)
      : showAuthorize(world, params, request);
  return { response, params };
}

function people(world: World): Account[] {
  return [...world.accounts.values()].filter((account) => account.type === 'User');
}

function signedIn(world: World, request: Request): Account | undefined {
  const login = sessionLogin(request, sessionCookie);
  const account = login === undefined ? undefined : world.findAccount(login);
  return account?.type === 'User' ? account : undefined;
}

/**
 * The checks GitHub makes before showing anything: an unknown client is a 404 page (verify);
 * a `redirect_uri` that is not exactly a registered callback URL is sent back to the first
 * callback URL with `error=redirect_uri_mismatch` (as documented). A user who authorized the
 * app before is sent straight back with a code, unless another account or the picker is asked for.
 */
function showAuthorize(world: World, params: Record<string, string>, request: Request): Response {
  const app = findAppByClientId(world, params.client_id);
  if (!app)
    return htmlAnswer(404, renderErrorPage('Page not found', 'No application has this client_id.'));
  const [firstCallback] = app.oauth.callbackUrls;
  if (firstCallback === undefined) {
    return htmlAnswer(
      422,
      renderErrorPage('Application misconfigured', `${app.name} has no callback URL to return to.`),
    );
  }
  const state = params.state ?? null;
  const asked = params.redirect_uri;
  if (asked !== undefined && !app.oauth.callbackUrls.includes(asked))
    return redirectAnswer(firstCallback, { ...authorizeError('redirect_uri_mismatch'), state });
  const redirectUri = asked ?? firstCallback;
  const session = signedIn(world, request);
  const sameAccount =
    params.login === undefined || params.login.toLowerCase() === session?.login.toLowerCase();
  if (
    session &&
    sameAccount &&
    params.prompt !== 'select_account' &&
    world.oauth.hasAuthorized(app.id, session)
  )
    return grant(world, app, session, { redirectUri, state });
  return showForm(world, app, { redirectUri, state, selected: params.login ?? session?.login });
}

function showForm(
  world: World,
  app: App,
  input: {
    redirectUri: string;
    state: string | null;
    selected: string | undefined;
    problem?: string;
  },
  status = 200,
): Response {
  const pending = world.oauth.openRequest({
    appId: app.id,
    redirectUri: input.redirectUri,
    state: input.state,
  });
  const html = renderAuthorizePage({
    app,
    requestId: pending.id,
    redirectUri: input.redirectUri,
    users: people(world),
    selected: input.selected,
    ...(input.problem ? { problem: input.problem } : {}),
  });
  return htmlAnswer(status, html);
}

/** The submitted form: Cancel sends `access_denied` back; Authorize signs the user in and sends a code. */
function answerForm(world: World, params: Record<string, string>): Response {
  const id = params.authorization_request;
  const pending = id === undefined ? undefined : world.oauth.takeRequest(id);
  const app = pending && world.apps.get(pending.appId);
  if (!pending || !app) {
    return htmlAnswer(
      422,
      renderErrorPage(
        'This authorization request is no longer valid',
        'It was answered already or has expired. Start signing in again from the application.',
      ),
    );
  }
  const { redirectUri, state } = pending;
  if (params.authorize !== '1')
    return redirectAnswer(redirectUri, { ...authorizeError('access_denied'), state });
  const account = params.login === undefined ? undefined : world.findAccount(params.login);
  if (account?.type !== 'User') {
    const problem = `There is no user named ${JSON.stringify(params.login ?? '')}.`;
    return showForm(world, app, { redirectUri, state, selected: undefined, problem }, 422);
  }
  return grant(world, app, account, { redirectUri, state });
}

function grant(
  world: World,
  app: App,
  account: Account,
  target: { redirectUri: string; state: string | null },
): Response {
  world.oauth.recordAuthorization(app.id, account);
  const code = world.oauth.issueCode({ appId: app.id, account, redirectUri: target.redirectUri });
  return redirectAnswer(
    target.redirectUri,
    { code: code.code, state: target.state },
    {
      'set-cookie': `${sessionCookie}=${encodeURIComponent(account.login)}; Path=/; HttpOnly; SameSite=Lax`,
    },
  );
}
