import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { branchSha, openPull } from './support/pulls.js';

describe('a `labeled` webhook that never arrives', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('costs one sweep: the next sweep finds the labeled PR and queues it', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    await s.settle();
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    s.gh.deliveries.addChaos({
      event: 'pull_request',
      action: 'labeled',
      effect: { kind: 'drop' },
    });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    expect(await branchSha(s, 'sluice/staging/main/1')).toBeUndefined();

    // The sweep the periodic timer runs next: whatever it would search, not a special one.
    const sweep = await fetch(`${s.app.url}/sluice/test/sweep`, { method: 'POST', body: '{}' });
    expect(sweep.status).toBe(200);
    await s.settle();
    const staging = await branchSha(s, 'sluice/staging/main/1');
    expect(staging).toBeDefined();

    await s.repo.finishCi();
    await s.settle();
    expect(await branchSha(s, 'main')).toBe(staging);
    expect(s.repo.pull(pr.number).merged).toBe(true);
    s.gh.assertClean();
  }, 120_000);
});
