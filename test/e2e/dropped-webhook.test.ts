import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { branchSha, openPull } from './support/pulls.js';

describe('CI completion webhooks that never arrive', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('cost only latency: the periodic sweep lands the PR anyway', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    const staging = await branchSha(s, 'sluice/staging/main/1');

    s.gh.deliveries.addChaos({ event: 'check_run', effect: { kind: 'drop' } });
    s.gh.deliveries.addChaos({ event: 'check_suite', effect: { kind: 'drop' } });
    await s.repo.finishCi();
    await s.settle();
    expect(await branchSha(s, 'main')).not.toBe(staging);

    await s.app.sweep();
    await s.settle();
    expect(await branchSha(s, 'main')).toBe(staging);
    expect(s.repo.pull(pr.number).merged).toBe(true);
    s.gh.assertClean();
  });
});
