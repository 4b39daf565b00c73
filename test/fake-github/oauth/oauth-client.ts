import { randomBytes } from 'node:crypto';
import type { App, OAuthClient } from '../world/types.js';
import type { World } from '../world/world.js';

/** GitHub accepts at most 10 callback URLs per app. */
const maxCallbackUrls = 10;

export interface OAuthClientInput {
  callbackUrls?: string[];
  clientSecret?: string;
  expireUserTokens?: boolean;
}

/**
 * An app's OAuth client as registration creates it. The client id is derived from the app id
 * (the same value `GET /app` answers as `client_id`); the secret is 40 hex characters, as
 * GitHub generates them.
 */
export function createOAuthClient(appId: number, input: OAuthClientInput): OAuthClient {
  return {
    clientId: `Iv1.${appId.toString(16).padStart(16, '0')}`,
    clientSecret: input.clientSecret ?? randomBytes(20).toString('hex'),
    callbackUrls: checkCallbackUrls(input.callbackUrls ?? []),
    expireUserTokens: input.expireUserTokens ?? true,
  };
}

/** Callback URLs are absolute http(s) URLs, at most ten; a mistake here is the test's. */
export function checkCallbackUrls(urls: string[]): string[] {
  if (urls.length > maxCallbackUrls)
    throw new Error(`fake-github: at most ${maxCallbackUrls} callback URLs, got ${urls.length}`);
  for (const url of urls) {
    const protocol = URL.canParse(url) ? new URL(url).protocol : undefined;
    if (protocol !== 'http:' && protocol !== 'https:')
      throw new Error(`fake-github: callback URL ${JSON.stringify(url)} is not an http(s) URL`);
  }
  return [...urls];
}

/** The app whose OAuth client has this id, as the authorize and token endpoints look it up. */
export function findAppByClientId(world: World, clientId: string | undefined): App | undefined {
  if (clientId === undefined) return undefined;
  return [...world.apps.values()].find((app) => app.oauth.clientId === clientId);
}
