import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { breakage, brokenMarker, contentCi } from './support/content-ci.js';
import { branchSha, commentsOn } from './support/pulls.js';
import { callsOf, finishCiOf, mainSince, openPulls, stagingOf } from './support/stagings.js';

/** Stagings in flight side by side, each built on the one ahead of it. */
function config(options: { landOnLaterPass: boolean }) {
  return [
    'queue:',
    '  batch:',
    '    maxSize: 1',
    '    adaptive: false',
    '    waitSeconds: 0',
    `  parallel: ${options.landOnLaterPass ? 2 : 3}`,
    '  probes: false',
    `  landOnLaterPass: ${options.landOnLaterPass}`,
    '',
  ].join('\n');
}

/** The build job of each staging holds a runner at once: CI tests them side by side. */
function runningSideBySide(s: Scenario, tips: string[]) {
  return tips.map((tip) => s.repo.jobs({ sha: tip, name: 'build' }).map((j) => j.status));
}

describe('speculative stagings', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('a failure at the front abandons the stagings behind it, cancels their runs, and they land rebuilt without the culprit', async () => {
    s = await startScenario({
      ci: contentCi({ breakages: [breakage('src/one.ts', 'one adds up')] }),
      config: config({ landOnLaterPass: false }),
      requiredChecks: ['build', 'test'],
    });
    await s.repo.setCiRunners(3);
    const base = (await branchSha(s, 'main'))!;
    const [one, two, three] = await openPulls(s, [
      { name: 'one', content: `export const one = 1; ${brokenMarker}\n` },
      { name: 'two' },
      { name: 'three' },
    ]);
    for (const pr of [one!, two!, three!])
      await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();

    // Three stagings, each on the tip of the one ahead.
    const first = (await stagingOf(s, 1))!;
    const second = (await stagingOf(s, 2))!;
    const third = (await stagingOf(s, 3))!;
    expect(first.prs).toEqual([one!.number]);
    expect(second.prs).toEqual([one!.number, two!.number]);
    expect(third.prs).toEqual([one!.number, two!.number, three!.number]);
    expect(second.commits.at(-1)!.parents).toEqual([first.tip]);
    expect(third.commits.at(-1)!.parents).toEqual([second.tip]);
    expect(runningSideBySide(s, [first.tip, second.tip, third.tip])).toEqual([
      ['in_progress'],
      ['in_progress'],
      ['in_progress'],
    ]);

    // The front fails: #one is the culprit; what was built on it goes, its CI cancelled.
    await finishCiOf(s, first.tip);
    await s.settle();
    expect(s.repo.labels(one!.number)).toEqual(['sluice:test']);
    expect(commentsOn(s, one!.number)).toMatch(/test/);
    for (const abandoned of [second, third]) {
      const runs = s.repo.runs(abandoned.tip);
      expect(runs.map((r) => [r.status, r.conclusion])).toEqual([['completed', 'cancelled']]);
      const cancels = callsOf(s, 'actions/cancel-workflow-run').filter((r) =>
        r.path.includes(`/actions/runs/${runs[0]!.id}/cancel`),
      );
      expect(cancels.map((r) => r.status)).toEqual([202]);
    }

    // Rebuilt without #one, on main, and both land.
    const rebuilt = (await stagingOf(s, 1))!;
    expect(rebuilt.prs).toEqual([two!.number]);
    expect(rebuilt.commits[0]!.parents).toEqual([base]);
    expect((await stagingOf(s, 2))?.prs).toEqual([two!.number, three!.number]);
    await s.repo.finishCi();
    await s.settle();
    expect((await mainSince(s, base)).map((c) => c.pr)).toEqual([two!.number, three!.number]);
    expect(s.repo.pull(one!.number)).toMatchObject({ merged: false, state: 'open' });
    for (const pr of [two!, three!]) expect(s.repo.pull(pr.number).merged).toBe(true);
    s.gh.assertClean();
  });

  it('with landOnLaterPass, a later staging that passes lands itself and the one ahead in one write', async () => {
    s = await startScenario({
      ci: contentCi(),
      config: config({ landOnLaterPass: true }),
      requiredChecks: ['build', 'test'],
    });
    await s.repo.setCiRunners(3);
    const base = (await branchSha(s, 'main'))!;
    const [one, two] = await openPulls(s, [{ name: 'one' }, { name: 'two' }]);
    for (const pr of [one!, two!]) await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    const first = (await stagingOf(s, 1))!;
    const second = (await stagingOf(s, 2))!;
    expect(second.prs).toEqual([one!.number, two!.number]);
    expect(second.commits.at(-1)!.parents).toEqual([first.tip]);

    // The second passes while the first still runs.
    await finishCiOf(s, second.tip);
    await s.settle();

    expect(await branchSha(s, 'main')).toBe(second.tip);
    const landed = await mainSince(s, base);
    expect(landed.map((c) => c.sha)).toEqual(second.commits.map((c) => c.sha));
    const landings = callsOf(s, 'graphql-mutation/updateRefs');
    expect(landings).toHaveLength(1);
    const updates = (
      landings[0]!.body as { variables: { refUpdates: { name: string; afterOid: string }[] } }
    ).variables.refUpdates;
    expect(new Map(updates.map((u) => [u.name, u.afterOid]))).toEqual(
      new Map([
        [`refs/heads/${s.repo.pull(one!.number).head.ref}`, second.commits[0]!.sha],
        [`refs/heads/${s.repo.pull(two!.number).head.ref}`, second.commits[1]!.sha],
        ['refs/heads/main', second.tip],
      ]),
    );
    for (const [i, pr] of [one!, two!].entries()) {
      expect(s.repo.pull(pr.number)).toMatchObject({ merged: true, state: 'closed' });
      expect(s.repo.pull(pr.number).head.sha).toBe(second.commits[i]!.sha);
    }
    // The first staging's own run tests nothing anyone waits for now: it is cancelled.
    expect(s.repo.pendingCi().filter((w) => w.sha === first.tip)).toEqual([]);
    expect(callsOf(s, 'actions/cancel-workflow-run').length).toBeGreaterThan(0);
    s.gh.assertClean();
  });
});
