import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { branchSha, openPull } from './support/pulls.js';

describe('someone pushes to the base while a PR is being tested', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('rebuilds and re-tests the staging commit; the untested combination never lands', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    const firstStaging = await branchSha(s, 'sluice/staging/main/1');

    const pushed = await s.repo.push({
      branch: 'main',
      files: { 'docs/other.md': 'other work\n' },
      message: 'docs: other work',
      by: 'bob',
    });
    await s.settle();
    // CI passes for the first (now outdated) staging commit: it must not land.
    await s.repo.completeCi({ sha: firstStaging! });
    await s.settle();
    expect(await branchSha(s, 'main')).toBe(pushed);

    const secondStaging = await branchSha(s, 'sluice/staging/main/1');
    expect(secondStaging).not.toBe(firstStaging);
    expect((await s.repo.git.readCommit(secondStaging!))?.parents).toEqual([pushed]);
    await s.repo.finishCi();
    await s.settle();
    expect(await branchSha(s, 'main')).toBe(secondStaging);
    expect(s.repo.pull(pr.number).merged).toBe(true);
    s.gh.assertClean();
  });
});
