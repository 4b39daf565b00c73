import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { branchSha, commentsOn, openPull, sluiceRun } from './support/pulls.js';

describe('a required check that never starts', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('dequeues the PR after the configured timeout, naming the check', async () => {
    s = await startScenario({
      ci: stagingCi(),
      requiredChecks: ['build', 'test', 'e2e'],
      config: 'checks:\n  startTimeoutMinutes: 5\n',
    });
    const base = await branchSha(s, 'main');
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    await s.repo.finishCi();
    await s.settle();
    expect(sluiceRun(s, pr.head)).toMatchObject({ status: 'in_progress' });

    await s.app.advanceClock(4 * 60_000);
    await s.app.sweep();
    await s.settle();
    expect(sluiceRun(s, pr.head)).toMatchObject({ status: 'in_progress' });

    await s.app.advanceClock(2 * 60_000);
    await s.app.sweep();
    await s.settle();
    expect(sluiceRun(s, pr.head)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(commentsOn(s, pr.number)).toContain('e2e');
    expect(await branchSha(s, 'main')).toBe(base);
    s.gh.assertClean();
  });
});
