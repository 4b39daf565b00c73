import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { branchSha, commentsOn, openPull, sluiceRun } from './support/pulls.js';

describe('a push to a queued PR', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('dequeues it by default: the new head was never tested', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    const base = await branchSha(s, 'main');
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    const newHead = await s.repo.pushToPullRequest(pr.number, {
      commits: [{ message: 'one more thing', files: { 'src/b.ts': 'export const b = 1;\n' } }],
    });
    await s.settle();
    await s.repo.finishCi();
    await s.settle();

    expect(await branchSha(s, 'main')).toBe(base);
    expect(s.repo.pull(pr.number)).toMatchObject({ merged: false, state: 'open' });
    expect(s.repo.labels(pr.number)).not.toContain('merge-queue');
    expect(sluiceRun(s, pr.head)).toMatchObject({ status: 'completed', conclusion: 'neutral' });
    expect(commentsOn(s, pr.number)).toContain(newHead.slice(0, 7));
    expect(await branchSha(s, 'sluice/staging/main/1')).toBeUndefined();
    s.gh.assertClean();
  });

  it('re-tests the new head when the config says so, and lands that', async () => {
    s = await startScenario({
      ci: stagingCi(),
      requiredChecks: ['build', 'test'],
      config: 'queue:\n  onPush: retest\n',
    });
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    const firstStaging = await branchSha(s, 'sluice/staging/main/1');
    await s.repo.pushToPullRequest(pr.number, {
      commits: [{ message: 'one more thing', files: { 'src/b.ts': 'export const b = 1;\n' } }],
    });
    await s.settle();
    const secondStaging = await branchSha(s, 'sluice/staging/main/1');
    expect(secondStaging).not.toBe(firstStaging);
    expect(await s.repo.git.readFile(secondStaging!, 'src/b.ts')).toBeDefined();
    await s.repo.finishCi();
    await s.settle();

    expect(await branchSha(s, 'main')).toBe(secondStaging);
    expect(s.repo.pull(pr.number)).toMatchObject({ merged: true });
    s.gh.assertClean();
  });
});
