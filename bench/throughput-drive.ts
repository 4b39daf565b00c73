/**
 * Drives the real app process through a queue of PRs on the stand-in's virtual clock: CI in
 * auto mode on a pool of runners, a required `test` job that fails on any tree holding a broken
 * PR's change, every PR labeled at once; then settle, move both clocks to the next moment a job
 * finishes, and again, until every PR is merged or dequeued.
 */
import { startScenario, type Scenario } from '../test/e2e/support/scenario.js';
import { openPull } from '../test/e2e/support/pulls.js';
import { ciOf } from '../test/fake-github/ci/ci-of.js';
import { testFailure } from '../test/fake-github/ci/failures.js';
import type { CiContext, CiScript } from '../test/fake-github/ci/types.js';
import { advanceClock } from '../test/fake-github/control/ci-ops.js';
import { requirePull } from '../test/fake-github/domain/pulls/pull-record.js';

export const queueLabel = 'merge-queue';
/** What a broken PR's file says, and what the test job looks for in the tree it tests. */
export const brokenMarker = 'BROKEN: makes the module suite fail';
const minute = 60_000;

export interface ThroughputOptions {
  prs: number;
  failing: number[];
  ciMinutes: number;
  runners: number;
  /** Branches whose pushes run CI (GitHub's globs): the README says `sluice/staging/**`. */
  ciOn: string[];
  /** Printed while settle waits long, and for every step when set. */
  log?: (line: string) => void;
  /**
   * Also run the app's sweep every this many virtual minutes, as its timer does in production
   * (`SLUICE_SWEEP_INTERVAL_MS`, 5 min by default); unset, only webhooks wake the app, as in
   * the end-to-end tests.
   */
  sweepMinutes?: number;
  /**
   * The repository's `.github/sluice.yml` (text), for the app and the simulator alike; unset,
   * the defaults.
   */
  config?: string;
  /** Asked before every step: true stops the run (Ctrl-C), which then fails. */
  interrupted?: () => boolean;
}

export const modulePath = (i: number) => `src/module-${i}.ts`;

/** The broken PRs' modules the tested tree holds. */
async function brokenIn(ctx: CiContext, failing: number[]): Promise<number[]> {
  const found: number[] = [];
  for (const i of failing)
    if ((await ctx.readFile(modulePath(i)))?.includes(brokenMarker)) found.push(i);
  return found;
}

const passingLog = [
  '',
  '> widgets@1.0.0 test',
  '> jest --ci',
  '',
  'PASS src/format.test.ts',
  'PASS src/modules.test.ts',
  '',
  'Test Suites: 2 passed, 2 total',
  'Tests:       8 passed, 8 total',
].join('\n');

/** One workflow, one job `test` of `ciMinutes` on staging pushes; jest fails it on a broken tree. */
export function throughputCi(
  options: Pick<ThroughputOptions, 'failing' | 'ciMinutes' | 'ciOn'>,
): CiScript {
  const failure = (broken: number[]) =>
    testFailure(
      `modules › module ${broken[0]} exports its value`,
      [
        'expect(received).toBe(expected) // Object.is equality',
        '',
        `Expected: ${broken[0]}`,
        'Received: undefined',
      ].join('\n'),
      { file: 'src/modules.test.ts' },
    );
  return {
    mode: 'auto',
    workflows: [
      {
        name: 'CI',
        file: '.github/workflows/ci.yml',
        on: { push: options.ciOn },
        jobs: [
          {
            name: 'test',
            run: 'npm test',
            durationMs: options.ciMinutes * minute,
            outcome: async (ctx) =>
              (await brokenIn(ctx, options.failing)).length > 0 ? 'failure' : 'success',
            log: async (ctx) => {
              const broken = await brokenIn(ctx, options.failing);
              return broken.length > 0 ? (failure(broken).log as string) : passingLog;
            },
          },
        ],
      },
    ],
  };
}

/** One repository requiring `test`, the runner pool sized, the app running against it. */
export async function startThroughputScenario(options: ThroughputOptions): Promise<Scenario> {
  const s = await startScenario({
    ci: throughputCi(options),
    requiredChecks: ['test'],
    ...(options.config === undefined ? {} : { config: options.config }),
  });
  await s.repo.setCiRunners(options.runners);
  return s;
}

/** PRs 1…n, each adding its own module (none conflicts); the broken ones carry the marker. */
export async function openModulePulls(s: Scenario, options: ThroughputOptions): Promise<number[]> {
  const numbers: number[] = [];
  for (let i = 1; i <= options.prs; i++) {
    const broken = options.failing.includes(i) ? `// ${brokenMarker}\n` : '';
    const pr = await openPull(s, {
      title: `feat: add module ${i}`,
      files: { [modulePath(i)]: `${broken}export const module${i} = ${i};\n` },
    });
    numbers.push(pr.number);
  }
  return numbers;
}

export interface DriveResult {
  /** Virtual epoch ms just before the first label. */
  firstLabelAt: number;
  /** Index of the request log just before the first label. */
  requestsFrom: number;
  /** Clock advances made (one per CI finish moment, and per sweep) and the virtual ms they added. */
  steps: number;
  sweeps: number;
  advancedMs: number;
  /** Virtual ms the stand-in's own events added (each commit, label, … ticks a second). */
  tickedMs: number;
  /** The app's clock minus the virtual clock's elapsed time at the end, in ms (≤ 0: the stand-in's own ticks are not passed on). */
  appClockLeadMs: number;
}

/** Every PR is merged or out of the queue (open without the queue label). */
export function resolved(s: Scenario, numbers: number[]): boolean {
  return numbers.every((n) => {
    const pull = s.repo.pull(n);
    return pull.merged || (pull.state === 'open' && !pull.labels.includes(queueLabel));
  });
}

/** The earliest virtual time a running job finishes, or undefined when none runs. */
export function nextCiFinish(s: Scenario): number | undefined {
  const due = ciOf(s.gh)
    .jobs(s.repo.state)
    .filter((job) => job.status === 'in_progress' && job.dueAt !== null)
    .map((job) => job.dueAt!);
  return due.length > 0 ? Math.min(...due) : undefined;
}

/** When GitHub marked the PR merged, virtual epoch ms (null when it is not merged). */
export function mergedAt(s: Scenario, number: number): number | null {
  return requirePull(s.repo.state, number).pull.mergedAt?.getTime() ?? null;
}

/**
 * Labels every PR in order (as a maintainer), then moves time CI finish by CI finish. The app's
 * clock is stopped and moved with the virtual one, to where it is going at each advance (the
 * virtual clock's own ticks while a step settles are not passed on; the gap is reported). Fails when
 * nothing runs while PRs are unresolved, or when 4 × (PRs + runners) CI finishes pass without
 * a PR being resolved (a livelock): progress-based, never a wall-clock deadline.
 */
export async function labelAndDrive(
  s: Scenario,
  numbers: number[],
  options: ThroughputOptions,
): Promise<DriveResult> {
  const clock = s.gh.world.clock;
  const virtualStart = clock.now().getTime();
  // The app's clock stands still but for the advances below: its time is the virtual time.
  await s.app.stopClock();
  let appAt = virtualStart;
  const requestsFrom = s.gh.world.requests.length;
  for (const n of numbers) await s.repo.label(n, queueLabel, 'maintainer');
  const settle = () =>
    s.settle({ onSlow: (report) => options.log?.(`settle is slow: ${report.split('\n')[0]}`) });
  await settle();
  let [steps, sweeps, advancedMs, sinceProgress] = [0, 0, 0, 0];
  let done = numbers.filter((n) => resolved(s, [n])).length;
  const patience = 4 * (numbers.length + options.runners);
  const sweepMs = (options.sweepMinutes ?? 0) * minute;
  while (!resolved(s, numbers)) {
    const due = nextCiFinish(s);
    const stop = options.interrupted?.() ?? false;
    if (due === undefined || sinceProgress > patience || stop) {
      const why = stop
        ? 'interrupted'
        : due === undefined
          ? 'no CI job runs'
          : `${patience} CI finishes resolved no PR`;
      const open = numbers.filter((n) => !resolved(s, [n]));
      throw new Error(
        `the queue stopped: ${why} with #${open.join(', #')} unresolved ` +
          `(runners ${JSON.stringify(s.repo.ciRunners())})\n${s.app.tail(80)}`,
      );
    }
    const nextSweep = sweepMs > 0 ? virtualStart + (sweeps + 1) * sweepMs : Infinity;
    const target = Math.max(Math.min(due, nextSweep), clock.now().getTime());
    if (target > appAt) {
      await s.app.advanceClock(target - appAt);
      appAt = target;
    }
    const ms = target - clock.now().getTime();
    await advanceClock(s.gh.services, { ms });
    advancedMs += ms;
    steps++;
    if (target >= nextSweep) {
      sweeps++;
      await s.app.sweep();
    }
    await settle();
    const now = numbers.filter((n) => resolved(s, [n])).length;
    if (target >= due) sinceProgress = now > done ? 0 : sinceProgress + 1;
    done = now;
    options.log?.(
      `t+${((clock.now().getTime() - virtualStart) / minute).toFixed(1)} min: ${done}/${numbers.length} resolved, runners ${JSON.stringify(s.repo.ciRunners())}`,
    );
  }
  const elapsed = clock.now().getTime() - virtualStart;
  return {
    firstLabelAt: virtualStart,
    requestsFrom,
    steps,
    sweeps,
    advancedMs,
    tickedMs: elapsed - advancedMs,
    appClockLeadMs: appAt - virtualStart - elapsed,
  };
}
