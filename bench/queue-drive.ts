/**
 * Drives the real app process against the local GitHub through the serial happy path: open
 * PRs, label them, and finish CI on each staging commit until every PR has landed. The same
 * scenario as the end-to-end tests (test/e2e/support), so what is measured is what is tested.
 */
import { startScenario, type Scenario } from '../test/e2e/support/scenario.js';
import { stagingCi } from '../test/e2e/support/ci-scripts.js';
import { openPull } from '../test/e2e/support/pulls.js';

export const queueLabel = 'merge-queue';

/** One repository with `build` and `test` required on staging, CI stepped by the benchmark. */
export function startQueueScenario(): Promise<Scenario> {
  return startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
}

/** Opens `count` PRs, each adding its own file, so none conflicts with another. */
export async function openPulls(s: Scenario, count: number): Promise<number[]> {
  const numbers: number[] = [];
  for (let i = 1; i <= count; i++) {
    const pr = await openPull(s, {
      title: `feat: add module ${i}`,
      files: { [`src/module-${i}.ts`]: `export const module${i} = ${i};\n` },
    });
    numbers.push(pr.number);
  }
  return numbers;
}

export interface LandOptions {
  /** Called after every settle, e.g. to sample memory while the queue works. */
  onStep?: () => void;
}

/**
 * Finishes CI on whatever the app is testing, one staging commit at a time, until every PR in
 * `numbers` is merged. Fails when the queue stops moving, so a broken run never yields numbers.
 */
export async function landAll(
  s: Scenario,
  numbers: number[],
  options: LandOptions = {},
): Promise<void> {
  await s.settle();
  options.onStep?.();
  for (let round = 0; !allMerged(s, numbers); round++) {
    if (round > numbers.length * 2 || s.repo.pendingCi().length === 0) {
      const open = numbers.filter((n) => !s.repo.pull(n).merged);
      throw new Error(`the queue stopped with #${open.join(', #')} unmerged\n${s.app.tail()}`);
    }
    await s.repo.finishCi();
    await s.settle();
    options.onStep?.();
  }
  s.gh.assertClean();
}

function allMerged(s: Scenario, numbers: number[]): boolean {
  return numbers.every((n) => s.repo.pull(n).merged);
}

/** Labels every PR at once (as a maintainer), then lands them all. */
export async function labelAndLand(
  s: Scenario,
  numbers: number[],
  options: LandOptions = {},
): Promise<void> {
  for (const number of numbers) await s.repo.label(number, queueLabel, 'maintainer');
  await landAll(s, numbers, options);
}
