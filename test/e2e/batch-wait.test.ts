import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { contentCi } from './support/content-ci.js';
import { sluiceRun } from './support/pulls.js';
import { openPulls, stagingBranches } from './support/stagings.js';

/** Stagings holding something not on main yet (a landed one's branch stays until the queue is empty). */
const staged = async (s: Scenario) =>
  (await stagingBranches(s)).filter((b) => b.commits.length > 0);

/** Batches of up to three that wait a minute to fill: one staging at a time, no probes. */
const config = [
  'queue:',
  '  batch:',
  '    maxSize: 3',
  '    adaptive: false',
  '    waitSeconds: 60',
  '  parallel: 1',
  '  probes: false',
  '',
].join('\n');

describe('a batch that waits to fill (queue.batch.waitSeconds)', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('holds a short batch until it fills or the wait is over, while the app reports idle', async () => {
    s = await startScenario({ ci: contentCi(), config, requiredChecks: ['build', 'test'] });
    // The app's clock moves only when told: the wait is a minute of its time, not of this test's.
    await s.app.stopClock();
    const [one, two, three, four] = await openPulls(s, [
      { name: 'one' },
      { name: 'two' },
      { name: 'three' },
      { name: 'four' },
    ]);
    for (const pr of [one!, two!]) await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    // Two of three: nothing is built, nothing runs, and the app says it has nothing to do now.
    expect(await staged(s)).toEqual([]);
    expect(s.repo.pendingCi()).toEqual([]);
    expect((await s.app.health()).idle).toBe(true);
    expect(sluiceRun(s, one!.head)?.status).toBe('queued');

    // A third arrives within the minute: the batch is full and goes at once.
    await s.app.advanceClock(30_000);
    await s.repo.label(three!.number, 'merge-queue', 'maintainer');
    await s.settle();
    const [full] = await staged(s);
    expect(full?.prs).toEqual([one!.number, two!.number, three!.number]);
    await s.repo.finishCi();
    await s.settle();
    expect(s.repo.pull(three!.number).merged).toBe(true);

    // A fourth alone waits its minute, then goes as it is (the sweep stands in for the timer).
    await s.repo.label(four!.number, 'merge-queue', 'maintainer');
    await s.settle();
    expect(await staged(s)).toEqual([]);
    await s.app.advanceClock(61_000);
    await s.app.sweep();
    await s.settle();
    const [alone] = await staged(s);
    expect(alone?.prs).toEqual([four!.number]);
    await s.repo.finishCi();
    await s.settle();
    expect(s.repo.pull(four!.number).merged).toBe(true);
    s.gh.assertClean();
  });
});
