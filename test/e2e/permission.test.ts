import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { branchSha, commentsOn, openPull } from './support/pulls.js';

describe('a label from someone with read permission', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('queues nothing and tells the PR why', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    await s.repo.label(pr.number, 'merge-queue', 'reader');
    await s.settle();

    expect(await branchSha(s, 'sluice/staging/main/1')).toBeUndefined();
    expect(s.repo.labels(pr.number)).not.toContain('merge-queue');
    const said = commentsOn(s, pr.number);
    expect(said).toContain('@reader');
    expect(said).toMatch(/read/);
    expect(said).toMatch(/write/);
    s.gh.assertClean();
  });
});
