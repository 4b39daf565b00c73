import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { breakage, brokenMarker, contentCi } from './support/content-ci.js';
import { branchSha, commentsOn, sluiceRun } from './support/pulls.js';
import { finishCiOf, mainSince, openPulls, stagingBranches } from './support/stagings.js';

/**
 * Probes on (the default), with the adaptive chain, on a CI with four runners. Sluice builds
 * probes once it has seen a second runner busy: a window floor of 2 stacks a second chain
 * staging at once, which shows it, instead of waiting for the window to grow.
 */
const config = [
  'queue:',
  '  batch:',
  '    maxSize: 2',
  '    adaptive: false',
  '    waitSeconds: 0',
  '  parallel: auto',
  '  parallelWindow:',
  '    min: 2',
  '    max: 8',
  '  probes: true',
  '',
].join('\n');

const names = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];

describe('probes beside the chain', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('test later PRs on the base tip while the chain tests: a passing probe lands nothing, a failing one finds the broken PR before the chain does', async () => {
    s = await startScenario({
      ci: contentCi({ breakages: [breakage('src/eight.ts', 'eight adds up')] }),
      config,
      requiredChecks: ['build', 'test'],
    });
    // A probe waiting a minute for a runner makes way for the chain: not while this test waits.
    await s.app.stopClock();
    await s.repo.setCiRunners(4);
    const base = (await branchSha(s, 'main'))!;
    const prs = await openPulls(
      s,
      names.map((name) =>
        name === 'eight'
          ? { name, content: `export const eight = 8; ${brokenMarker}\n` }
          : { name },
      ),
    );
    const first = prs[0]!.number;
    const broken = prs[7]!;
    for (const pr of prs) await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();

    /** The chain holds #one until it lands; a probe is any other staging right on main. */
    const look = async () => {
      const all = await stagingBranches(s!);
      const main = await branchSha(s!, 'main');
      const onMain = (st: (typeof all)[number]) => st.commits[0]?.parents[0] === main;
      return {
        chain: all.filter((st) => st.prs.includes(first)),
        probes: all.filter((st) => onMain(st) && !st.prs.includes(first)),
      };
    };
    const probeTips = new Set<string>();
    let { chain, probes } = await look();
    const chainFront = [...chain].sort((a, b) => a.commits.length - b.commits.length)[0]!;
    expect(chainFront.commits[0]!.parents).toEqual([base]);
    // While the chain's first staging tests, later PRs are probed, each on main.
    expect(probes.length).toBeGreaterThan(0);
    for (const probe of probes) probeTips.add(probe.tip);

    // A probe of good PRs passes: nothing lands, its PRs stay queued for the chain. Their
    // check runs still say they wait for their turn: a probe, started or passed, changes
    // nothing they must act on, so it costs no write of each PR's run.
    const good = probes.find((p) => !p.prs.includes(broken.number));
    expect(good).toBeDefined();
    const runWrites = (n: number) => {
      const run = sluiceRun(s!, prs.find((pr) => pr.number === n)!.head)!;
      const titles = s!.gh.world.requests
        .filter((r) => r.operationId === 'checks/update' && r.path.endsWith(`/${run.id}`))
        .map((r) => (r.body as { output?: { title?: string } }).output?.title);
      return { title: run.output.title, titles };
    };
    const before = new Map(good!.prs.map((n) => [n, runWrites(n)]));
    await finishCiOf(s, good!.tip);
    await s.settle();
    expect(await branchSha(s, 'main')).toBe(base);
    for (const n of good!.prs) {
      expect(s.repo.pull(n).merged).toBe(false);
      expect(s.repo.labels(n)).toContain('merge-queue');
      expect(runWrites(n)).toEqual(before.get(n));
      expect(runWrites(n).title).toMatch(/^Queued/);
      expect(runWrites(n).titles.filter((t) => /^Probing|^Tested early/.test(t ?? ''))).toEqual([]);
    }

    // Probes holding the broken PR fail and are split until it is found and dequeued, while
    // the chain's first staging is still testing and before any chain staging holds it.
    for (
      let round = 0;
      round < 8 && s.repo.labels(broken.number).includes('merge-queue');
      round++
    ) {
      ({ chain, probes } = await look());
      for (const st of chain) expect(st.prs).not.toContain(broken.number);
      const holding = probes.filter((p) => p.prs.includes(broken.number));
      if (holding.length === 0) {
        // Runners all busy when the split was decided: a probe that finishes frees one.
        const other = probes.find((p) => s!.repo.pendingCi().some((w) => w.sha === p.tip));
        if (!other) break;
        probeTips.add(other.tip);
        await finishCiOf(s, other.tip);
        await s.settle();
        continue;
      }
      for (const probe of holding) {
        probeTips.add(probe.tip);
        await finishCiOf(s, probe.tip);
      }
      await s.settle();
    }
    expect(s.repo.labels(broken.number)).toEqual(['sluice:test']);
    expect(commentsOn(s, broken.number)).toMatch(/test/);
    expect(await branchSha(s, 'main')).toBe(base);
    expect(s.repo.pendingCi().some((w) => w.sha === chainFront.tip)).toBe(true);

    // The rest lands through the chain, in queue order; no probe commit is on main.
    for (let round = 0; round < 12 && s.repo.pendingCi().length > 0; round++) {
      await s.repo.finishCi();
      await s.settle();
    }
    const landed = await mainSince(s, base);
    expect(landed.map((c) => c.pr)).toEqual(prs.slice(0, 7).map((pr) => pr.number));
    for (const pr of prs.slice(0, 7)) expect(s.repo.pull(pr.number).merged).toBe(true);
    expect(s.repo.pull(broken.number).merged).toBe(false);
    const mainTip = (await branchSha(s, 'main'))!;
    for (const tip of probeTips) expect(await s.repo.git.isAncestor(tip, mainTip)).toBe(false);
    s.gh.assertClean();
  });
});
