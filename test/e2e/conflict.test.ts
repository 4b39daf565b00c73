import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { branchSha, commentsOn, openPull, sluiceRun } from './support/pulls.js';

describe('a PR that conflicts with its base', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('is dequeued with the conflicting files named, and no CI runs for it', async () => {
    s = await startScenario({
      ci: stagingCi(),
      requiredChecks: ['build', 'test'],
      files: { 'src/shared.ts': 'export const value = 0;\n' },
    });
    const pr = await openPull(s, { files: { 'src/shared.ts': 'export const value = 1;\n' } });
    await s.repo.push({
      branch: 'main',
      files: { 'src/shared.ts': 'export const value = 2;\n' },
      message: 'someone else',
      by: 'bob',
    });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();

    expect(await branchSha(s, 'sluice/staging/main/1')).toBeUndefined();
    expect(s.repo.runs().filter((r) => r.branch.startsWith('sluice/'))).toEqual([]);
    expect(sluiceRun(s, pr.head)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(commentsOn(s, pr.number)).toContain('src/shared.ts');
    expect(s.repo.labels(pr.number)).toEqual(['sluice:conflict']);
    expect(s.repo.pull(pr.number)).toMatchObject({ merged: false, state: 'open' });
    s.gh.assertClean();
  });
});
