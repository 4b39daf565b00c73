import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  callback,
  secondCallback,
  startOAuthWorld,
  type OAuthWorld,
} from './support/oauth-world.js';
import { signInWithGitHub } from '../../oauth/sign-in.js';

describe('GET/POST /login/oauth/authorize', () => {
  let world: OAuthWorld;
  let clientId: string;

  beforeAll(async () => {
    world = await startOAuthWorld();
    clientId = world.sluice.app.oauth.clientId;
  });
  afterAll(() => world.gh.close());

  const authorizeUrl = (params: Record<string, string>): string =>
    `${world.gh.url}/login/oauth/authorize?${new URLSearchParams(params).toString()}`;
  const open = (params: Record<string, string>, cookie?: string): Promise<Response> =>
    fetch(authorizeUrl(params), { redirect: 'manual', ...(cookie ? { headers: { cookie } } : {}) });
  const submit = (form: Record<string, string>): Promise<Response> =>
    fetch(`${world.gh.url}/login/oauth/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  const requestIdOf = (html: string): string =>
    /name="authorization_request" value="([^"]+)"/.exec(html)?.[1] ?? 'missing';
  const redirectOf = (response: Response): URL => new URL(response.headers.get('location') ?? '');

  it('shows an authorize page naming the app, with the world’s users to sign in as', async () => {
    const page = await open({ client_id: clientId, state: 's1', login: 'rae' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('<h1>Authorize sluice</h1>');
    expect(html).toContain('<option value="rae" selected>rae</option>');
    expect(html).toContain('<option value="carol">carol</option>');
    expect(html).not.toContain('value="acme"');
    expect(html).toContain('id="js-oauth-authorize-btn" name="authorize" value="1"');
    expect(html).toContain(`Authorizing will redirect to <code>${callback}</code>`);
  });

  it('sends the signed-in user back to the first callback URL with a code and the state', async () => {
    const html = await (await open({ client_id: clientId, state: 'xyz' })).text();
    const answer = await submit({
      authorization_request: requestIdOf(html),
      login: 'alice',
      authorize: '1',
    });
    expect(answer.status).toBe(302);
    const back = redirectOf(answer);
    expect(`${back.origin}${back.pathname}`).toBe(callback);
    expect(back.searchParams.get('code')).toMatch(/^[0-9a-f]{20}$/);
    expect(back.searchParams.get('state')).toBe('xyz');
    expect(answer.headers.get('set-cookie')).toBe(
      'fake_github_user=alice; Path=/; HttpOnly; SameSite=Lax',
    );
  });

  it('uses a registered redirect_uri when asked, and leaves out a state that was not given', async () => {
    const html = await (await open({ client_id: clientId, redirect_uri: secondCallback })).text();
    const answer = await submit({
      authorization_request: requestIdOf(html),
      login: 'bob',
      authorize: '1',
    });
    const back = redirectOf(answer);
    expect(`${back.origin}${back.pathname}`).toBe(secondCallback);
    expect([...back.searchParams.keys()]).toEqual(['code']);
  });

  it('answers 404 for a client_id no app has', async () => {
    const page = await open({ client_id: 'Iv1.nope', state: 's' });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Page not found');
  });

  it('sends a redirect_uri that is not registered back to the first callback with redirect_uri_mismatch', async () => {
    for (const asked of ['http://evil.example/cb', `${callback}/deeper`, `${callback}?x=1`]) {
      const answer = await open({ client_id: clientId, redirect_uri: asked, state: 'st' });
      expect(answer.status).toBe(302);
      const back = redirectOf(answer);
      expect(`${back.origin}${back.pathname}`).toBe(callback);
      expect(Object.fromEntries(back.searchParams)).toEqual({
        error: 'redirect_uri_mismatch',
        error_description:
          'The redirect_uri MUST match the registered callback URL for this application.',
        error_uri:
          'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors/#redirect-uri-mismatch',
        state: 'st',
      });
    }
  });

  it('answers Cancel with access_denied and the state', async () => {
    const html = await (await open({ client_id: clientId, state: 'no' })).text();
    const back = redirectOf(
      await submit({ authorization_request: requestIdOf(html), authorize: '0' }),
    );
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('error_description')).toBe(
      'The user has denied your application access.',
    );
    expect(back.searchParams.get('state')).toBe('no');
    expect(back.searchParams.has('code')).toBe(false);
  });

  it.each([
    ['no account', 'nobody'],
    ['an organization', 'acme'],
  ])('refuses a login that is %s, and shows the form again', async (_, login) => {
    const html = await (await open({ client_id: clientId })).text();
    const again = await submit({ authorization_request: requestIdOf(html), login, authorize: '1' });
    expect(again.status).toBe(422);
    const text = await again.text();
    expect(text).toContain(`There is no user named &quot;${login}&quot;.`);
    expect(requestIdOf(text)).not.toBe(requestIdOf(html));
  });

  it('accepts each form once, and not after ten minutes', async () => {
    const html = await (await open({ client_id: clientId })).text();
    const form = { authorization_request: requestIdOf(html), login: 'alice', authorize: '1' };
    expect((await submit(form)).status).toBe(302);
    const replay = await submit(form);
    expect(replay.status).toBe(422);
    expect(await replay.text()).toContain('This authorization request is no longer valid');

    const late = await (await open({ client_id: clientId })).text();
    const store = world.gh.world.oauth;
    const realNow = store.now;
    store.now = () => realNow() + 10 * 60_000 + 1;
    try {
      expect((await submit({ ...form, authorization_request: requestIdOf(late) })).status).toBe(
        422,
      );
    } finally {
      store.now = realNow;
    }
  });

  it('sends a user who authorized before straight back, unless another account or the picker is asked for', async () => {
    await signInWithGitHub({ baseUrl: world.gh.url, clientId, login: 'rae' });
    const cookie = 'fake_github_user=rae';
    const direct = await open({ client_id: clientId, state: 'again' }, cookie);
    expect(direct.status).toBe(302);
    expect(redirectOf(direct).searchParams.get('state')).toBe('again');
    expect(redirectOf(direct).searchParams.get('code')).toMatch(/^[0-9a-f]{20}$/);

    expect((await open({ client_id: clientId, prompt: 'select_account' }, cookie)).status).toBe(
      200,
    );
    expect((await open({ client_id: clientId, login: 'bob' }, cookie)).status).toBe(200);
    // The same person has not authorized the other app.
    const otherApp = await open({ client_id: world.other.app.oauth.clientId }, cookie);
    expect(otherApp.status).toBe(200);
    expect(await otherApp.text()).toContain('<option value="rae" selected>rae</option>');
  });

  it('refuses to start for an app without a callback URL', async () => {
    const bare = world.gh.registerApp({ slug: 'bare', permissions: {}, events: [] });
    const page = await open({ client_id: bare.app.oauth.clientId });
    expect(page.status).toBe(422);
    expect(await page.text()).toContain('bare has no callback URL to return to.');
  });

  it('works in-process through gh.fetch as well', async () => {
    const {
      code,
      state,
      callback: back,
    } = await signInWithGitHub({
      baseUrl: world.gh.url,
      clientId,
      login: 'carol',
      state: 'in-process',
      fetch: world.gh.fetch,
    });
    expect(code).toMatch(/^[0-9a-f]{20}$/);
    expect(state).toBe('in-process');
    expect(back.origin).toBe('http://127.0.0.1:3999');
  });

  it('logs the flow as oauth/authorize, and stays clean', () => {
    const logged = world.gh.world.requests.filter((r) => r.operationId === 'oauth/authorize');
    expect(logged.length).toBeGreaterThan(10);
    expect(world.gh.world.violations).toEqual([]);
  });
});
