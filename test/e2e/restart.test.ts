import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { branchSha, openPull } from './support/pulls.js';

describe('the app is killed while CI runs', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('resumes from its store after a restart and lands the PR', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    const staging = await branchSha(s, 'sluice/staging/main/1');

    await s.app.kill();
    // CI finishes while nobody listens: those webhooks are lost for good.
    await s.repo.finishCi();
    await s.gh.deliveries.idle.wait();
    s.gh.deliveries.expectFailuresSoFar();

    await s.app.start();
    await s.settle();
    expect(await branchSha(s, 'main')).toBe(staging);
    expect(s.repo.pull(pr.number).merged).toBe(true);
    s.gh.assertClean({ allow: ['webhook-failed'] });
  });
});
