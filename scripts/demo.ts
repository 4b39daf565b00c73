/**
 * `npm run demo`: Sluice working end to end on one machine, no GitHub account, no network.
 * It starts the local GitHub stand-in and the real app process (dist/main.js, SQLite in a
 * temp dir), queues five pull requests — three clean, one conflicting with main, one failing
 * a test — prints the queue as it moves and main's final log, and exits 0 only when the
 * outcome is right.
 *
 * CI runs in the stand-in's auto mode: a push to the staging branch starts the workflow, and
 * its jobs finish when the virtual clock passes their duration. The demo only moves the clock,
 * never tells CI which job passes: Sluice sees what it would see from GitHub Actions.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startScenario, type Scenario } from '../test/e2e/support/scenario.js';
import { checkOutcome, type DemoEntry } from './demo/check-outcome.js';
import { baseFiles, demoCi, requiredChecks } from './demo/demo-repository.js';
import { createPaint } from './demo/paint.js';
import { playQueue } from './demo/play-queue.js';
import { queueDemoPulls } from './demo/queue-demo-pulls.js';
import { clockTime, describeState } from './demo/render-queue.js';
import { readPullState } from './demo/read-pull-state.js';
import { stopOnSignal } from './demo/stop-on-signal.js';

const startedAt = Date.now();
const paint = createPaint(process.stdout, process.env);
const say = (line: string) => void process.stdout.write(`${line}\n`);
const complain = (line: string) => void process.stderr.write(`${line}\n`);

function introduce(s: Scenario): void {
  say(paint('bold', 'Sluice demo: the real app against a local GitHub, on this machine only'));
  say(`  local GitHub  ${s.gh.url} (repository ${s.repo.fullName}), app on ${s.app.url}`);
  say('  store         SQLite in a temp dir, removed on exit');
  say(`  CI            on pushes to sluice/staging/**: build (1 min), then test (90 s)`);
  say(`  required      ${requiredChecks.join(', ')} (branch protection of main)`);
  say("  clock         CI runs on the stand-in's virtual clock, played forward 30 s at a time");
  say('  view          the queue is printed whenever it changes; * marks what changed');
  say('');
}

async function runDemo(s: Scenario): Promise<number> {
  introduce(s);
  const { entries, baseBefore } = await queueDemoPulls(s, say);
  const played = await playQueue(s, {
    pulls: entries.map((entry) => entry.pull),
    print: say,
    paint,
    tickMs: 30_000,
    maxVirtualMs: 60 * 60_000,
    onSlow: (report) => complain(`  (slow machine) ${report}`),
  });
  say('');
  say(paint('bold', 'main after the queue (git log --oneline):'));
  const log = await s.repo.git.listCommits({ head: 'refs/heads/main' });
  for (const commit of log) say(`  ${commit.sha.slice(0, 7)} ${commit.message.split('\n')[0]}`);
  say('');
  const problems = played.stuck ? [played.stuck] : await checkOutcome(s, { entries, baseBefore });
  if (problems.length > 0) {
    say(paint('red', 'Outcome is WRONG:'));
    for (const problem of problems) say(`  - ${problem}`);
    complain(`\n--- app log (last 40 lines) ---\n${s.app.tail(40)}`);
  } else {
    say(paint('green', 'Outcome is right:'));
    for (const line of summarise(s, entries)) say(`  ${line}`);
  }
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  say(
    `Took ${seconds} s; CI ran for ${clockTime(new Date(played.virtualMs))} on the virtual clock.`,
  );
  return problems.length > 0 ? 1 : 0;
}

function summarise(s: Scenario, entries: DemoEntry[]): string[] {
  const landed = entries.filter((e) => e.spec.expect.kind === 'merged');
  return [
    `landed in queue order with Sluice subjects: ${landed.map((e) => `#${e.pull.number}`).join(', ')}`,
    ...entries
      .filter((e) => e.spec.expect.kind === 'dequeued')
      .map((e) => `#${e.pull.number} ${describeState(readPullState(s, e.pull))}`),
  ];
}

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

async function main(): Promise<number> {
  if (!existsSync(resolve(import.meta.dirname, '../dist/main.js'))) {
    complain('dist/main.js is missing: run `npm run demo` (it builds first) or `npm run build`.');
    return 1;
  }
  const starting = startScenario({ ci: demoCi(), requiredChecks, files: baseFiles });
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= starting.then(
      (s) => s.stop(),
      () => undefined,
    ));
  let interrupted = false;
  const removeHandlers = stopOnSignal(() => {
    interrupted = true;
    return stop();
  }, complain);
  try {
    return await runDemo(await starting);
  } catch (error) {
    // Ctrl-C reaches git and the app too (one process group): what fails then is no news.
    if (!interrupted) complain(`The demo failed: ${describeError(error)}`);
    return 1;
  } finally {
    await stop();
    removeHandlers();
  }
}

process.exitCode = await main();
