import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { startScenario, type Scenario } from '../e2e/support/scenario.js';
import { stagingCi } from '../e2e/support/ci-scripts.js';
import { openPull, sluiceRun } from '../e2e/support/pulls.js';

/**
 * The operator dashboard in a real browser: signing in through the local GitHub's authorize
 * page, seeing only what the user may see, pausing and resuming a queue (queued PRs' check
 * runs say so), dequeuing an entry, and a form without the CSRF token refused.
 */
describe('the dashboard in Chromium', () => {
  let s: Scenario;
  let browser: Browser;
  let page: Page;
  let waiting: { number: number; head: string };
  let testing: { number: number; head: string };
  let hidden: { number: number };

  const queueUrl = () => `${s.app.url}/sluice/repos/acme/widgets/queues/main`;

  beforeAll(async () => {
    s = await startScenario({
      ci: stagingCi(),
      requiredChecks: ['build', 'test'],
      config: 'checks:\n  required: [build, test]\nqueue:\n  batch:\n    maxSize: 1\n',
    });
    // A private repository of the same installation that alice is no collaborator of.
    await s.gh.createRepo({
      fullName: 'acme/secret',
      ownerType: 'Organization',
      private: true,
      files: { 'README.md': '# secret\n' },
      collaborators: { maintainer: 'admin' },
    });
    s.gh.setCallbackUrls(s.registered.app, [`${s.app.url}/sluice/callback`]);
    testing = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    waiting = await openPull(s, { files: { 'src/b.ts': 'export const b = 1;\n' } });
    await s.repo.label(testing.number, 'merge-queue', 'maintainer');
    await s.settle();
    await s.repo.label(waiting.number, 'merge-queue', 'maintainer');
    const secret = s.gh.repo('acme/secret');
    const pull = await secret.openPullRequest({
      author: 'maintainer',
      branch: 'feature/secret',
      title: 'feat: the secret plan',
      commits: [{ message: 'plan', files: { 'plan.md': 'world domination\n' } }],
    });
    hidden = { number: pull.number };
    await secret.label(pull.number, 'merge-queue', 'maintainer');
    await s.settle();
    browser = await launchChromium();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  it('signs in through the authorize page and lists only repositories alice can access', async () => {
    await page.goto(`${s.app.url}/sluice/`);
    await page.getByRole('link', { name: 'Sign in with GitHub' }).click();
    await page.waitForURL((url) => url.pathname === '/login/oauth/authorize');
    await page.selectOption('#login', 'alice');
    await page.click('#js-oauth-authorize-btn');
    await page.waitForURL(`${s.app.url}/sluice/`);

    await expect(page.getByText('alice', { exact: true }).first().isVisible()).resolves.toBe(true);
    const body = await page.textContent('body');
    expect(body).toContain('acme/widgets');
    expect(body).not.toContain('acme/secret');
  });

  it("shows the queue's entries, and not the queue of a repository alice cannot access", async () => {
    await page.goto(queueUrl());
    const rows = page.getByRole('table', { name: /^Queued pull requests/ }).getByRole('row');
    const text = (await rows.allTextContents()).join('\n');
    expect(text).toContain(`#${testing.number}`);
    expect(text).toContain(`#${waiting.number}`);

    // GitHub's names ignore case; the dashboard serves (and acts on) GitHub's spelling only.
    await page.goto(`${s.app.url}/sluice/repos/ACME/Widgets/queues/main`);
    expect(new URL(page.url()).pathname).toBe('/sluice/repos/acme/widgets/queues/main');

    const answer = await page.goto(`${s.app.url}/sluice/repos/acme/secret/queues/main`);
    expect(answer?.status()).toBe(404);
    expect(await page.textContent('body')).not.toContain(`#${hidden.number}`);
  });

  it('pauses the queue: queued PRs say so and why; resuming clears it', async () => {
    await page.goto(queueUrl());
    await page.getByLabel('Reason').fill('Cutting release 2.4');
    await page.getByRole('button', { name: 'Pause queue' }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === 'paused');
    await s.settle();
    expect(sluiceRun(s, waiting.head)?.output.title).toBe(
      'Merge queue paused: Cutting release 2.4',
    );
    expect(sluiceRun(s, waiting.head)?.output.summary).toContain('alice');
    await page.reload();
    expect(await page.textContent('body')).toContain('Cutting release 2.4');

    await page.getByRole('button', { name: 'Resume queue' }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === 'resumed');
    await s.settle();
    expect(sluiceRun(s, waiting.head)?.output.title).not.toContain('paused');
    const history = await page.getByRole('table', { name: /^Recent landings/ }).textContent();
    expect(history).toMatch(/resumed/i);
    expect(history).toMatch(/paused/i);
  });

  it('refuses a form without the CSRF token, and changes nothing', async () => {
    const pauseUrl = `${queueUrl()}/pause`;
    const without = await page.request.post(pauseUrl, {
      form: { reason: 'forged' },
      headers: { origin: s.app.url },
    });
    expect(without.status()).toBe(403);
    const wrong = await page.request.post(pauseUrl, {
      form: { reason: 'forged', csrf: 'not-the-token' },
      headers: { origin: s.app.url },
    });
    expect(wrong.status()).toBe(403);
    await s.settle();
    await page.goto(queueUrl());
    expect(await page.textContent('body')).not.toContain('forged');
    expect(sluiceRun(s, waiting.head)?.output.title).not.toContain('paused');
  });

  it('dequeues an entry', async () => {
    await page.goto(queueUrl());
    await page.getByRole('button', { name: `Dequeue #${waiting.number}` }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === 'dequeue');
    await s.settle();
    expect(s.repo.labels(waiting.number)).not.toContain('merge-queue');
    expect(sluiceRun(s, waiting.head)?.output.title).toMatch(/dequeued/i);
    await page.reload();
    const queue = await page.getByRole('table', { name: /^Queued pull requests/ }).textContent();
    expect(queue).not.toContain(`#${waiting.number}`);
    const history = await page.getByRole('table', { name: /^Recent landings/ }).textContent();
    expect(history).toContain(`#${waiting.number}`);
  });

  it('signs out: the token is revoked at GitHub, so a copy of the cookie no longer works', async () => {
    await page.goto(`${s.app.url}/sluice/`);
    const copied = (await page.context().cookies()).find((c) => c.name === 'sluice_session');
    expect(copied).toBeDefined();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${s.app.url}/sluice/`);
    await expect(page.getByRole('link', { name: 'Sign in with GitHub' }).isVisible()).resolves.toBe(
      true,
    );
    expect(
      s.gh.world.requests.some((r) => r.operationId === 'apps/delete-token' && r.status === 204),
    ).toBe(true);

    const replayed = await fetch(`${s.app.url}/sluice/`, {
      headers: { cookie: `sluice_session=${copied!.value}` },
      redirect: 'manual',
    });
    expect(replayed.status).toBe(303);
    expect(replayed.headers.get('location')).toMatch(/^\/sluice\/login\?return_to=/);
    expect(await replayed.text()).not.toContain('acme/widgets');
    s.gh.assertClean();
  });
});
