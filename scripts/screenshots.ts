/**
 * `npm run screenshots`: regenerates the dashboard's screenshots in docs/screenshots/. It runs
 * the demo's queue (five PRs: landings, a conflict, a failing test) on the local GitHub with
 * the real app, queues a few more and leaves them under test, signs in through the local
 * GitHub's authorize page in headless Chromium, and photographs the pages a person would
 * look at: the index, a busy queue (light and dark), and the queue paused.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startScenario } from '../test/e2e/support/scenario.js';
import { openPull } from '../test/e2e/support/pulls.js';
import { launchChromium } from '../test/support/chromium.js';
import { baseFiles, demoCi, queueLabel, requiredChecks } from './demo/demo-repository.js';
import { createPaint } from './demo/paint.js';
import { playQueue } from './demo/play-queue.js';
import { queueDemoPulls } from './demo/queue-demo-pulls.js';

const outDir = resolve(import.meta.dirname, '../docs/screenshots');
const say = (line: string) => void process.stdout.write(`${line}\n`);

const waitingPulls = [
  { title: 'feat(api): paginate the orders endpoint', file: 'src/orders.ts' },
  { title: 'fix(auth): refresh tokens before they expire', file: 'src/auth.ts' },
  { title: 'docs: explain the retry budget', file: 'docs/retries.md' },
  { title: 'perf(search): cache the tokenizer', file: 'src/search.ts' },
];

async function shoot(page: Page, name: string): Promise<void> {
  const path = resolve(outDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  say(`  wrote docs/screenshots/${name}.png`);
}

async function main(): Promise<number> {
  if (!existsSync(resolve(import.meta.dirname, '../dist/main.js'))) {
    say('dist/main.js is missing: run `npm run screenshots` (it builds first) or `npm run build`.');
    return 1;
  }
  const s = await startScenario({ ci: demoCi(), requiredChecks, files: baseFiles });
  const browser = await launchChromium();
  try {
    s.gh.setCallbackUrls(s.registered.app, [`${s.app.url}/sluice/callback`]);
    await s.app.stopClock();
    say('playing the demo queue for some history…');
    const { entries } = await queueDemoPulls(s, () => undefined);
    const played = await playQueue(s, {
      pulls: entries.map((entry) => entry.pull),
      print: () => undefined,
      paint: createPaint(process.stdout, { NO_COLOR: '1' }),
      tickMs: 30_000,
      maxVirtualMs: 60 * 60_000,
      onSlow: (report) => say(`  (slow machine) ${report}`),
      // The app's clock moves with CI's, so durations and "how long ago" read as they would.
      onTick: (ms) => s.app.advanceClock(ms),
    });
    if (played.stuck) throw new Error(played.stuck);
    for (const [i, pull] of waitingPulls.entries()) {
      const opened = await openPull(s, {
        title: pull.title,
        author: i % 2 === 0 ? 'alice' : 'bob',
        files: { [pull.file]: `// ${pull.title}\n` },
      });
      await s.repo.label(opened.number, queueLabel, 'maintainer');
    }
    await s.settle();
    // A few minutes into the staging's CI: the page shows work in progress, not a fresh start.
    s.gh.world.clock.advance(60_000);
    await s.app.advanceClock(60_000);
    await s.settle();

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${s.app.url}/sluice/`);
    await shoot(page, 'dashboard-sign-in');
    await page.getByRole('link', { name: 'Sign in with GitHub' }).click();
    await page.waitForURL((url) => url.pathname === '/login/oauth/authorize');
    await page.selectOption('#login', 'maintainer');
    await page.click('#js-oauth-authorize-btn');
    await page.waitForURL(`${s.app.url}/sluice/`);
    await shoot(page, 'dashboard-index');

    const queueUrl = `${s.app.url}/sluice/repos/${s.repo.fullName}/queues/main`;
    await page.goto(queueUrl);
    await shoot(page, 'dashboard-queue');
    // Dark from the first paint (switching a loaded page leaves form controls half restyled).
    const dark = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      colorScheme: 'dark',
      storageState: await context.storageState(),
    });
    const darkPage = await dark.newPage();
    await darkPage.goto(queueUrl);
    await shoot(darkPage, 'dashboard-queue-dark');
    await dark.close();

    await page.getByLabel('Reason').fill('Cutting release 2.4');
    await page.getByRole('button', { name: 'Pause queue' }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === 'paused');
    await s.settle();
    await shoot(page, 'dashboard-paused');
    return 0;
  } finally {
    await browser.close();
    await s.stop();
  }
}

process.exitCode = await main();
