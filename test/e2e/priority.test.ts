import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { branchSha, commentsOn, sluiceRun } from './support/pulls.js';
import { busyQueue, mainSince, openPulls, stagingOf } from './support/stagings.js';

/** One PR per staging, one staging at a time: the order PRs land in is the order they were staged. */
const serial =
  'queue:\n  parallel: 1\n  batch:\n    maxSize: 1\n    adaptive: false\n  probes: false\n';

/** Lands whatever is staged, one staging at a time, until nothing is left to test. */
async function landTheRest(s: Scenario): Promise<void> {
  for (let round = 0; s.repo.pendingCi().length > 0; round++) {
    if (round > 10) throw new Error(`the queue did not drain\n${s.app.tail()}`);
    await s.repo.finishCi();
    await s.settle();
  }
}

describe('priorities', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('`/sluice queue --priority high` puts a PR ahead of those waiting, without interrupting the one under test', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'], config: serial });
    const busy = await busyQueue(s);
    const [a, b, c] = await openPulls(s, [{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
    for (const pr of [a!, b!, c!]) await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();

    s.repo.comment(c!.number, '/sluice queue --priority high', 'maintainer');
    await s.settle();
    expect(commentsOn(s, c!.number)).toContain('**Priority: high** (was normal)');
    expect(sluiceRun(s, c!.head)?.output.title).toBe('Next in the merge queue');
    // The staging under test goes on: a priority reorders only what waits.
    expect(await branchSha(s, 'sluice/staging/main/1')).toBe(busy.tip);

    const since = await busy.land();
    expect((await stagingOf(s, 1))?.prs).toEqual([c!.number]);
    await landTheRest(s);
    expect((await mainSince(s, since)).map((commit) => commit.pr)).toEqual([
      c!.number,
      a!.number,
      b!.number,
    ]);
    s.gh.assertClean();
  });

  it('a priority label set on a queued PR interrupts the staging under test when the config allows it', async () => {
    s = await startScenario({
      ci: stagingCi(),
      requiredChecks: ['build', 'test'],
      config: `${serial}  priority:\n    labels:\n      high: 'merge-queue:high'\n    interrupt: true\n`,
    });
    const mainBefore = (await branchSha(s, 'main'))!;
    const busy = await busyQueue(s);
    const [a] = await openPulls(s, [{ name: 'a' }]);
    await s.repo.label(a!.number, 'merge-queue', 'maintainer');
    await s.settle();
    expect(await branchSha(s, 'sluice/staging/main/1')).toBe(busy.tip);

    await s.repo.label(a!.number, 'merge-queue:high', 'maintainer');
    await s.settle();
    // The staging of the normal-priority PR made way: the high-priority one is tested first.
    expect((await stagingOf(s, 1))?.prs).toEqual([a!.number]);
    expect(s.repo.runs(busy.tip).map((run) => run.conclusion)).toEqual(['cancelled']);

    await landTheRest(s);
    expect((await mainSince(s, mainBefore)).map((commit) => commit.pr)).toEqual([
      a!.number,
      busy.pr.number,
    ]);
    // A label speaks for itself: only a command is answered.
    expect(commentsOn(s, a!.number)).not.toContain('Priority:');
    s.gh.assertClean();
  });
});
