import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ProbotOctokit } from 'probot';
import { FakeGitHub } from '../../fake-github.js';
import { signInWithGitHub } from '../../oauth/sign-in.js';

describe("an app's OAuth client, from its registration", () => {
  let gh: FakeGitHub;

  beforeAll(async () => {
    gh = await FakeGitHub.start();
    gh.createUser('alice');
  });
  afterAll(() => gh.close());

  const control = async (command: string, body: unknown) => {
    const response = await fetch(`${gh.url}/_control/${command}`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('hands the client id and secret to the app under test, and GET /app agrees', async () => {
    const registered = gh.registerApp({
      slug: 'dashboard',
      permissions: {},
      events: [],
      callbackUrls: ['http://127.0.0.1:4000/cb'],
    });
    const { clientId, clientSecret, callbackUrls, expireUserTokens } = registered.app.oauth;
    expect(clientId).toMatch(/^Iv1\.[0-9a-f]{16}$/);
    expect(clientSecret).toMatch(/^[0-9a-f]{40}$/);
    expect(callbackUrls).toEqual(['http://127.0.0.1:4000/cb']);
    expect(expireUserTokens).toBe(true);
    expect(gh.envFor(registered)).toMatchObject({
      GITHUB_CLIENT_ID: clientId,
      GITHUB_CLIENT_SECRET: clientSecret,
    });
    const app = new ProbotOctokit({
      auth: { appId: registered.app.id, privateKey: registered.privateKey },
      baseUrl: gh.apiUrl,
      throttle: { enabled: false },
      retry: { enabled: false },
    });
    expect((await app.rest.apps.getAuthenticated()).data?.client_id).toBe(clientId);
  });

  it('refuses callback URLs that are not http(s), or more than ten', () => {
    const register = (callbackUrls: string[]) => () =>
      gh.registerApp({ slug: 'bad', permissions: {}, events: [], callbackUrls });
    expect(register(['/relative'])).toThrow('is not an http(s) URL');
    expect(register(['ftp://example.com/cb'])).toThrow('is not an http(s) URL');
    expect(register(Array.from({ length: 11 }, (_, i) => `http://127.0.0.1/${i}`))).toThrow(
      'at most 10 callback URLs',
    );
  });

  it('registers over the control plane and changes callback URLs once the app knows its port', async () => {
    const registered = await control('register-app', {
      slug: 'remote',
      permissions: {},
      events: [],
    });
    expect(registered.status).toBe(200);
    const { id, clientId, clientSecret, callbackUrls, env } = registered.body;
    expect(callbackUrls).toEqual([]);
    expect(env).toMatchObject({ GITHUB_CLIENT_ID: clientId, GITHUB_CLIENT_SECRET: clientSecret });

    const later = 'http://127.0.0.1:4123/auth/callback';
    expect(await control('set-callback-urls', { app: id, callbackUrls: [later] })).toEqual({
      status: 200,
      body: { callbackUrls: [later] },
    });
    const { callback } = await signInWithGitHub({
      baseUrl: gh.url,
      clientId: String(clientId),
      login: 'alice',
    });
    expect(`${callback.origin}${callback.pathname}`).toBe(later);

    expect((await control('set-callback-urls', { app: 1, callbackUrls: [later] })).status).toBe(
      404,
    );
    expect((await control('set-callback-urls', { app: id, callbackUrls: ['nope'] })).status).toBe(
      400,
    );
    expect(gh.world.violations).toEqual([]);
  });
});
