import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { branchSha, openPull } from './support/pulls.js';

describe('settling while the restarted app resumes its queue', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('waits for the start-up sweep even when GitHub answers it slowly', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    const staging = await branchSha(s, 'sluice/staging/main/1');

    await s.app.kill();
    await s.repo.finishCi();
    await s.gh.deliveries.idle.wait();
    s.gh.deliveries.expectFailuresSoFar();
    // A busy machine, in miniature: the restarted app's first token takes a while, and no
    // request moves meanwhile. The app is resuming its queue, not idle.
    s.gh.faults.add({ op: 'apps/create-installation-access-token', times: 1, delayMs: 1500 });

    await s.app.start();
    await s.settle();
    expect(await branchSha(s, 'main')).toBe(staging);
    expect(s.repo.pull(pr.number).merged).toBe(true);
    s.gh.assertClean({ allow: ['webhook-failed'] });
  });
});
