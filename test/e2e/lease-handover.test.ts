import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { branchSha, openPull } from './support/pulls.js';

describe('the app is killed while it holds a queue', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('takes the queue back as soon as it is restarted on its SQLite file', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    const scenario = s;
    const main = (await branchSha(s, 'main'))!;
    // A staging branch left from earlier work: pushing the first staging commit moves it.
    await s.repo.git.createRef('refs/heads/sluice/staging/main/1', main);
    // Killed in the middle of that push, with the queue's lease in its store.
    const killed = new Promise<void>((resolve) =>
      scenario.gh.races.add('git/update-ref', async () => resolve(await scenario.app.kill())),
    );
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await killed;
    await s.gh.deliveries.idle.wait();
    s.gh.deliveries.expectFailuresSoFar();

    // No sweep triggered and no clock advanced: the restarted app's own start moves the queue.
    await s.app.start();
    await s.settle();
    const staging = await branchSha(s, 'sluice/staging/main/1');
    expect(staging).not.toBe(main);
    await s.repo.finishCi();
    await s.settle();
    expect(await branchSha(s, 'main')).toBe(staging);
    expect(s.repo.pull(pr.number).merged).toBe(true);
    s.gh.assertClean({ allow: ['webhook-failed'] });
  }, 180_000);

  it('upgrading from before batches: the old single staging branch makes way for sluice/staging/main/1', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    const main = (await branchSha(s, 'main'))!;
    // git cannot hold both `sluice/staging/main` and `sluice/staging/main/1`.
    await s.repo.git.createRef('refs/heads/sluice/staging/main', main);
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    expect(await branchSha(s, 'sluice/staging/main')).toBeUndefined();
    const staging = await branchSha(s, 'sluice/staging/main/1');
    expect(staging).toBeDefined();
    await s.repo.finishCi();
    await s.settle();
    expect(await branchSha(s, 'main')).toBe(staging);
    expect(s.repo.pull(pr.number).merged).toBe(true);
    s.gh.assertClean();
  });
});
