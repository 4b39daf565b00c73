import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { branchSha, commentsOn, openPull, sluiceRun } from './support/pulls.js';
import { testFailure } from '../fake-github/ci/failures.js';

describe('a required check that fails on the staging commit', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('dequeues the PR with a failing check run that names the check', async () => {
    s = await startScenario({
      ci: stagingCi([
        { name: 'build' },
        { name: 'test', ...testFailure('widgets add up', 'expected 2, got 3') },
      ]),
      requiredChecks: ['build', 'test'],
    });
    const base = await branchSha(s, 'main');
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 3;\n' } });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    await s.repo.finishCi();
    await s.settle();

    expect(await branchSha(s, 'main')).toBe(base);
    const run = sluiceRun(s, pr.head);
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(`${run?.output.title}\n${run?.output.summary}`).toContain('test');
    expect(commentsOn(s, pr.number)).toMatch(/test/);
    expect(s.repo.labels(pr.number)).toContain('sluice:test');
    expect(s.repo.labels(pr.number)).not.toContain('merge-queue');
    s.gh.assertClean();
  });
});
