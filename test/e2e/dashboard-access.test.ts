import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { openPull, sluiceRun } from './support/pulls.js';
import { signInWithGitHub } from '../fake-github/oauth/sign-in.js';

/**
 * Who sees what on the dashboard, over plain HTTP: with SLUICE_DASHBOARD_PUBLIC=1 a visitor
 * who has not signed in sees public repositories' queues (and no buttons) but not a private
 * one's; a signed-in person with read access sees the queue but may not pause it.
 */
describe('dashboard access', () => {
  let s: Scenario;
  let queued: { number: number; head: string };
  let hidden: number;

  const queuePath = '/sluice/repos/acme/widgets/queues/main';

  beforeAll(async () => {
    s = await startScenario({
      ci: stagingCi(),
      requiredChecks: ['build', 'test'],
      config: 'checks:\n  required: [build, test]\n',
      env: { SLUICE_DASHBOARD_PUBLIC: '1' },
    });
    await s.gh.createRepo({
      fullName: 'acme/secret',
      ownerType: 'Organization',
      private: true,
      files: { 'README.md': '# secret\n' },
      collaborators: { maintainer: 'admin' },
    });
    s.gh.setCallbackUrls(s.registered.app, [`${s.app.url}/sluice/callback`]);
    queued = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    await s.repo.label(queued.number, 'merge-queue', 'maintainer');
    const secret = s.gh.repo('acme/secret');
    const pull = await secret.openPullRequest({
      author: 'maintainer',
      branch: 'feature/secret',
      title: 'feat: the secret plan',
      commits: [{ message: 'plan', files: { 'plan.md': 'plan\n' } }],
    });
    hidden = pull.number;
    await secret.label(pull.number, 'merge-queue', 'maintainer');
    await s.settle();
  });

  afterAll(async () => s?.stop());

  const get = (path: string, cookie = '') =>
    fetch(`${s.app.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });

  it('shows public queues to a visitor who has not signed in, without any button', async () => {
    const index = await get('/sluice/');
    expect(index.status).toBe(200);
    const text = await index.text();
    expect(text).toContain('acme/widgets');
    expect(text).not.toContain('acme/secret');

    const page = await get(queuePath);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain(`#${queued.number}`);
    expect(html).not.toContain('<form');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");

    const hiddenPage = await get('/sluice/repos/acme/secret/queues/main');
    expect(hiddenPage.status).toBe(404);
    expect(await hiddenPage.text()).not.toContain(`#${hidden}`);

    const pause = await fetch(`${s.app.url}${queuePath}/pause`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'reason=anonymous',
    });
    expect(pause.status).toBe(401);
  });

  it('lets a reader see the queue but not pause it: the action re-checks the permission', async () => {
    const login = await get('/sluice/login');
    expect(login.status).toBe(302);
    const authorize = new URL(login.headers.get('location')!);
    const signInCookie = cookiesOf(login);
    const { callback } = await signInWithGitHub({
      baseUrl: s.gh.url,
      clientId: s.registered.app.oauth.clientId,
      login: 'reader',
      redirectUri: authorize.searchParams.get('redirect_uri')!,
      state: authorize.searchParams.get('state')!,
    });
    const back = await get(`${callback.pathname}${callback.search}`, signInCookie);
    expect(back.status).toBe(303);
    const session = cookiesOf(back)
      .split('; ')
      .find((c) => c.startsWith('sluice_session='))!;
    expect(back.headers.getSetCookie().join('\n')).toMatch(/sluice_session=[^;]+;.*HttpOnly/i);

    const page = await get(queuePath, session);
    const html = await page.text();
    expect(html).toContain('reader');
    expect(html).toContain(`#${queued.number}`);
    expect(html).not.toMatch(/Dequeue #/);
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
    expect(csrf).toBeDefined();

    const pause = await fetch(`${s.app.url}${queuePath}/pause`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session },
      body: new URLSearchParams({ csrf: csrf!, reason: 'not mine to pause' }).toString(),
      redirect: 'manual',
    });
    expect(pause.status).toBe(403);
    expect(await pause.text()).toMatch(/needs write permission on acme\/widgets; you have read/);
    await s.settle();
    expect(sluiceRun(s, queued.head)?.output.title).not.toContain('paused');
    s.gh.assertClean();
  });
});

/** The cookies a response sets, as a request's Cookie header sends them back. */
function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0]!)
    .filter((pair) => !pair.endsWith('='))
    .join('; ');
}
