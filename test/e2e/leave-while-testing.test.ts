import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { branchSha, openPull, sluiceRun } from './support/pulls.js';

describe('leaving the queue while the staging commit is being tested', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it.each([
    [
      'unlabeled',
      async (sc: Scenario, n: number) =>
        void (await sc.repo.unlabel(n, 'merge-queue', 'maintainer')),
    ],
    ['closed', async (sc: Scenario, n: number) => sc.repo.closePullRequest(n, 'alice')],
  ])('%s: dequeued, staging branch cleaned up, nothing lands', async (_, leave) => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    const base = await branchSha(s, 'main');
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    expect(await branchSha(s, 'sluice/staging/main/1')).toBeDefined();

    await leave(s, pr.number);
    await s.settle();
    expect(await branchSha(s, 'sluice/staging/main/1')).toBeUndefined();
    expect(sluiceRun(s, pr.head)).toMatchObject({ status: 'completed', conclusion: 'neutral' });
    await s.repo.finishCi();
    await s.settle();
    expect(await branchSha(s, 'main')).toBe(base);
    expect(s.repo.pull(pr.number).merged).toBe(false);
    s.gh.assertClean();
  });
});
