import type { World } from '../world/world.js';
import type { App } from '../world/types.js';
import type { OAuthServed, UserAccessToken } from './types.js';
import { oauthAnswer, oauthFormat, type OAuthFormat } from './oauth-answer.js';
import { tokenError } from './oauth-errors.js';
import { readOAuthParams } from './read-oauth-params.js';
import { refreshTokenLifetimeSeconds, tokenLifetimeSeconds } from './oauth-store.js';
import { narrowingRepository } from './user-access.js';
import { findAppByClientId } from './oauth-client.js';

const deviceGrant = 'urn:ietf:params:oauth:grant-type:device_code';

/** The token fields in GitHub's order; the expiry ones only when the app's tokens expire. */
function tokenFields(token: UserAccessToken): Record<string, string | number> {
  return {
    access_token: token.token,
    ...(token.refreshToken
      ? {
          expires_in: tokenLifetimeSeconds,
          refresh_token: token.refreshToken,
          refresh_token_expires_in: refreshTokenLifetimeSeconds,
        }
      : {}),
    scope: '',
    token_type: 'bearer',
  };
}

/**
 * `POST /login/oauth/access_token`: the client's credentials first, then the code (one use,
 * ten minutes, issued to this client, for the same redirect URI) or the refresh token. Every
 * refusal is a 200 with GitHub's error fields, in the format `Accept` asks for.
 */
export async function exchangeToken(world: World, request: Request): Promise<OAuthServed> {
  const params = await readOAuthParams(request);
  const format = oauthFormat(request.headers.get('accept'));
  const answer = (fields: Record<string, string | number>) => ({
    response: oauthAnswer(format, fields),
    params,
  });
  if (params.grant_type === deviceGrant)
    return { response: deviceFlowUnimplemented(world, format), params };
  const app = findAppByClientId(world, params.client_id);
  if (!app || params.client_secret !== app.oauth.clientSecret)
    return answer(tokenError('incorrect_client_credentials'));
  switch (params.grant_type ?? 'authorization_code') {
    case 'authorization_code':
      return answer(redeemCode(world, app, params));
    case 'refresh_token': {
      const fresh = params.refresh_token && world.oauth.refresh(app, params.refresh_token);
      return answer(fresh ? tokenFields(fresh) : tokenError('bad_refresh_token'));
    }
    default:
      return answer(tokenError('unsupported_grant_type'));
  }
}

function redeemCode(
  world: World,
  app: App,
  params: Record<string, string>,
): Record<string, string | number> {
  const redirectUri = params.redirect_uri;
  if (redirectUri !== undefined && !app.oauth.callbackUrls.includes(redirectUri))
    return tokenError('redirect_uri_mismatch');
  const code = params.code === undefined ? undefined : world.oauth.findCode(params.code, app.id);
  if (!code) return tokenError('bad_verification_code');
  // verify: GitHub's answer for a registered URI other than the one the code went to.
  if (redirectUri !== undefined && redirectUri !== code.redirectUri)
    return tokenError('redirect_uri_mismatch');
  world.oauth.consumeCode(code);
  const repositoryId = narrowingRepository(world, app, code.account, params.repository_id);
  return tokenFields(world.oauth.issueToken(app, code.account, repositoryId));
}

/** The device flow is not modelled: a test that needs it fails loudly rather than passing by luck. */
function deviceFlowUnimplemented(world: World, format: OAuthFormat): Response {
  world.recordViolation({
    kind: 'unimplemented',
    subject: 'oauth/access-token device flow',
    detail: `grant_type=${deviceGrant}`,
    at: world.clock.now(),
  });
  const answer = oauthAnswer(format, { error: 'device_flow_disabled' });
  return new Response(answer.body, { status: 501, headers: answer.headers });
}
