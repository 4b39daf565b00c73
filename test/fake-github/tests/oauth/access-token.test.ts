import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  callback,
  octokitWith,
  requestToken,
  secondCallback,
  startOAuthWorld,
  userTokenFor,
  type OAuthWorld,
} from './support/oauth-world.js';
import { signInWithGitHub } from '../../oauth/sign-in.js';
import type { RegisteredApp } from '../../control/register-app.js';

const tokenDocs =
  'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/';

describe('POST /login/oauth/access_token', () => {
  let world: OAuthWorld;
  let client: { client_id: string; client_secret: string };

  beforeAll(async () => {
    world = await startOAuthWorld();
    client = {
      client_id: world.sluice.app.oauth.clientId,
      client_secret: world.sluice.app.oauth.clientSecret,
    };
  });
  afterAll(() => world.gh.close());

  const codeFor = async (
    login: string,
    registered: RegisteredApp = world.sluice,
    redirectUri?: string,
  ): Promise<string> =>
    (
      await signInWithGitHub({
        baseUrl: world.gh.url,
        clientId: registered.app.oauth.clientId,
        login,
        ...(redirectUri ? { redirectUri } : {}),
      })
    ).code;

  /** Moves the OAuth store's clock for the duration of `during`. */
  const later = async (ms: number, during: () => Promise<void>): Promise<void> => {
    const store = world.gh.world.oauth;
    const realNow = store.now;
    store.now = () => realNow() + ms;
    try {
      await during();
    } finally {
      store.now = realNow;
    }
  };

  it('exchanges a code for an expiring user access token and a refresh token (JSON)', async () => {
    const code = await codeFor('alice');
    const response = await fetch(`${world.gh.url}/login/oauth/access_token`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ ...client, code, redirect_uri: callback }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Date.parse(response.headers.get('date') ?? '')).not.toBeNaN();
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual([
      'access_token',
      'expires_in',
      'refresh_token',
      'refresh_token_expires_in',
      'scope',
      'token_type',
    ]);
    expect(body.access_token).toMatch(/^ghu_[0-9A-Za-z]{36}$/);
    expect(body.refresh_token).toMatch(/^ghr_[0-9A-Za-z]{76}$/);
    expect(body).toMatchObject({
      expires_in: 28800,
      refresh_token_expires_in: 15897600,
      scope: '',
      token_type: 'bearer',
    });
    const { data } = await octokitWith(
      world.gh,
      String(body.access_token),
    ).rest.users.getAuthenticated();
    expect(data.login).toBe('alice');
  });

  it('answers form-encoded by default, to a form body or query parameters', async () => {
    const form = await fetch(`${world.gh.url}/login/oauth/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...client, code: await codeFor('bob') }).toString(),
    });
    expect(form.headers.get('content-type')).toBe(
      'application/x-www-form-urlencoded; charset=utf-8',
    );
    const fields = new URLSearchParams(await form.text());
    expect(fields.get('access_token')).toMatch(/^ghu_/);
    expect(fields.get('expires_in')).toBe('28800');
    expect(fields.get('scope')).toBe('');

    const query = new URLSearchParams({ ...client, code: await codeFor('bob') });
    const xml = await fetch(`${world.gh.url}/login/oauth/access_token?${query.toString()}`, {
      method: 'POST',
      headers: { accept: 'application/xml' },
    });
    expect(xml.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(await xml.text()).toMatch(
      /^<OAuth><access_token>ghu_\w{36}<\/access_token><expires_in>28800<\/expires_in>.*<token_type>bearer<\/token_type><\/OAuth>$/,
    );
  });

  it('refuses wrong client credentials with incorrect_client_credentials, as a 200', async () => {
    const code = await codeFor('alice');
    const expected = {
      error: 'incorrect_client_credentials',
      error_description: 'The client_id and/or client_secret passed are incorrect.',
      error_uri: `${tokenDocs}#incorrect-client-credentials`,
    };
    expect(await requestToken(world.gh, { ...client, client_secret: 'wrong', code })).toEqual(
      expected,
    );
    expect(await requestToken(world.gh, { client_id: client.client_id, code })).toEqual(expected);
    expect(await requestToken(world.gh, { ...client, client_id: 'Iv1.unknown', code })).toEqual(
      expected,
    );
    // The code survives a refused attempt.
    expect(await requestToken(world.gh, { ...client, code })).toHaveProperty('access_token');
  });

  it('redeems a code once, only for the app it was issued to, and not after ten minutes', async () => {
    const badCode = {
      error: 'bad_verification_code',
      error_description: 'The code passed is incorrect or expired.',
      error_uri: `${tokenDocs}#bad-verification-code`,
    };
    const code = await codeFor('alice');
    expect(await requestToken(world.gh, { ...client, code })).toHaveProperty('access_token');
    expect(await requestToken(world.gh, { ...client, code })).toEqual(badCode);
    expect(await requestToken(world.gh, { ...client, code: 'feedfacefeedfacefeed' })).toEqual(
      badCode,
    );
    expect(await requestToken(world.gh, { ...client })).toEqual(badCode);

    const othersCode = await codeFor('alice', world.other);
    expect(await requestToken(world.gh, { ...client, code: othersCode })).toEqual(badCode);

    const stale = await codeFor('alice');
    await later(10 * 60_000 + 1, async () => {
      expect(await requestToken(world.gh, { ...client, code: stale })).toEqual(badCode);
    });
    expect(await requestToken(world.gh, { ...client, code: stale })).toEqual(badCode);
  });

  it('refuses a redirect_uri that is not registered, or not the one the code went to', async () => {
    const mismatch = {
      error: 'redirect_uri_mismatch',
      error_description:
        'The redirect_uri MUST match the registered callback URL for this application.',
      error_uri:
        'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors/#redirect-uri-mismatch2',
    };
    const code = await codeFor('bob', world.sluice, secondCallback);
    expect(
      await requestToken(world.gh, { ...client, code, redirect_uri: 'http://evil.example/' }),
    ).toEqual(mismatch);
    expect(await requestToken(world.gh, { ...client, code, redirect_uri: callback })).toEqual(
      mismatch,
    );
    expect(
      await requestToken(world.gh, { ...client, code, redirect_uri: secondCallback }),
    ).toHaveProperty('access_token');
  });

  it('gives a token without expiry or refresh token to an app that opted out of expiring tokens', async () => {
    const lasting = world.gh.registerApp({
      slug: 'lasting',
      permissions: {},
      events: [],
      callbackUrls: ['http://127.0.0.1:3997/cb'],
      expireUserTokens: false,
    });
    const answer = await userTokenFor(world.gh, lasting, 'carol');
    expect(Object.keys(answer)).toEqual(['access_token', 'scope', 'token_type']);
    await later(365 * 24 * 3600_000, async () => {
      const { data } = await octokitWith(
        world.gh,
        String(answer.access_token),
      ).rest.users.getAuthenticated();
      expect(data.login).toBe('carol');
    });
  });

  it('stops a token working after eight hours', async () => {
    const answer = await userTokenFor(world.gh, world.sluice, 'rae');
    const octokit = octokitWith(world.gh, String(answer.access_token));
    await later(8 * 3600_000 - 1000, async () => {
      expect((await octokit.rest.users.getAuthenticated()).data.login).toBe('rae');
    });
    await later(8 * 3600_000, async () => {
      await expect(octokit.rest.users.getAuthenticated()).rejects.toMatchObject({
        status: 401,
        response: { data: { message: 'Bad credentials' } },
      });
    });
  });

  it('refreshes: a new pair, the old token and refresh token dead', async () => {
    const first = await userTokenFor(world.gh, world.sluice, 'bob');
    const refreshed = await requestToken(world.gh, {
      ...client,
      grant_type: 'refresh_token',
      refresh_token: String(first.refresh_token),
    });
    expect(refreshed).toMatchObject({ expires_in: 28800, refresh_token_expires_in: 15897600 });
    expect(refreshed.access_token).not.toBe(first.access_token);
    expect(refreshed.refresh_token).not.toBe(first.refresh_token);
    expect(
      (await octokitWith(world.gh, String(refreshed.access_token)).rest.users.getAuthenticated())
        .data.login,
    ).toBe('bob');
    await expect(
      octokitWith(world.gh, String(first.access_token)).rest.users.getAuthenticated(),
    ).rejects.toMatchObject({
      status: 401,
    });
    const badRefresh = {
      error: 'bad_refresh_token',
      error_description: 'The refresh token passed is incorrect or expired.',
      error_uri: `${tokenDocs}#bad-refresh-token`,
    };
    const again = {
      ...client,
      grant_type: 'refresh_token',
      refresh_token: String(first.refresh_token),
    };
    expect(await requestToken(world.gh, again)).toEqual(badRefresh);
    const otherClient = {
      client_id: world.other.app.oauth.clientId,
      client_secret: world.other.app.oauth.clientSecret,
    };
    const current = { grant_type: 'refresh_token', refresh_token: String(refreshed.refresh_token) };
    expect(await requestToken(world.gh, { ...otherClient, ...current })).toEqual(badRefresh);
    await later(15897600 * 1000 + 1, async () => {
      expect(await requestToken(world.gh, { ...client, ...current })).toEqual(badRefresh);
    });
  });

  it('refuses a grant type it does not know', async () => {
    expect(await requestToken(world.gh, { ...client, grant_type: 'password' })).toMatchObject({
      error: 'unsupported_grant_type',
    });
  });

  it('stops every token of a user who revokes the app', async () => {
    const answer = await userTokenFor(world.gh, world.sluice, 'carol');
    const carol = world.gh.world.findAccount('carol')!;
    expect(world.gh.world.oauth.revokeAuthorization(world.sluice.app.id, carol)).toBeGreaterThan(0);
    await expect(
      octokitWith(world.gh, String(answer.access_token)).rest.users.getAuthenticated(),
    ).rejects.toMatchObject({ status: 401 });
    expect(
      await requestToken(world.gh, {
        ...client,
        grant_type: 'refresh_token',
        refresh_token: String(answer.refresh_token),
      }),
    ).toMatchObject({ error: 'bad_refresh_token' });
  });

  it('logs exchanges as oauth/access-token without the client secret', () => {
    const logged = world.gh.world.requests.filter((r) => r.operationId === 'oauth/access-token');
    expect(logged.length).toBeGreaterThan(10);
    expect(logged[0]).toMatchObject({
      method: 'POST',
      status: 200,
      caller: `oauth-client:${client.client_id}`,
      body: { client_secret: '[redacted]' },
    });
    expect(JSON.stringify(logged)).not.toContain(client.client_secret);
    expect(world.gh.world.violations).toEqual([]);
  });

  it('records the device flow as unimplemented rather than pretending', async () => {
    const response = await fetch(`${world.gh.url}/login/oauth/access_token`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({
        client_id: client.client_id,
        device_code: 'x',
        grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      }),
    });
    expect(response.status).toBe(501);
    expect(world.gh.world.violations.map((v) => [v.kind, v.subject])).toEqual([
      ['unimplemented', 'oauth/access-token device flow'],
    ]);
    world.gh.world.violations.length = 0;
  });
});
