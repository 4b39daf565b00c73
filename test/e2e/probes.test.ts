import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { breakage, brokenMarker, contentCi } from './support/content-ci.js';
import { branchSha, commentsOn, sluiceRun } from './support/pulls.js';
import { finishCiOf, mainSince, openPulls, stagingBranches } from './support/stagings.js';
import { checkRunWritesIn } from './support/check-run-writes.js';

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
      const titles = checkRunWritesIn(s!.gh.world.requests)
        .filter((w) => w.kind === 'update' && w.runId === run.id)
        .map((w) => w.title);
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
    // the chain's first staging is still testing and before any chain staging holds it. How
    // many probes that takes depends on how the app batched the PRs, which races the labels
    // (on a busy machine a staging may be built before the next PR's label is seen): the
    // broken PR alone in a probe, or with another PR, whose probe fails and is split. A probe
    // that ended keeps its branch, CI finished, until its place is reused: only probes whose
    // CI still runs are stepped. Each round steps the probes holding the broken PR, or else one
    // other (a suspect half of a split, or a probe whose runner the next one waits for), then
    // settles. With none to step, the round only waits for the app again; it fails only after
    // many rounds in a row in which nothing changed.
    const runsCi = (tip: string) =>
      s!.repo
        .pendingCi()
        .some((w) => w.sha === tip && (w.kind === 'status' || w.status === 'in_progress'));
    const progress = async () =>
      JSON.stringify({
        stagings: (await stagingBranches(s!)).map((st) => [st.n, st.tip]),
        ci: s!.repo.pendingCi(),
        labels: s!.repo.labels(broken.number),
      });
    let seen = await progress();
    let idle = 0;
    while (s.repo.labels(broken.number).includes('merge-queue')) {
      ({ chain, probes } = await look());
      for (const st of chain) expect(st.prs).not.toContain(broken.number);
      const running = probes.filter((p) => runsCi(p.tip));
      const holding = running.filter((p) => p.prs.includes(broken.number));
      for (const probe of holding.length > 0 ? holding : running.slice(0, 1)) {
        probeTips.add(probe.tip);
        await finishCiOf(s, probe.tip);
      }
      await s.settle();
      const now = await progress();
      idle = now === seen ? idle + 1 : 0;
      seen = now;
      if (idle >= 10)
        throw new Error(
          `#${broken.number} is still queued and ${idle} rounds changed nothing: ${now}\n${s.app.tail()}`,
        );
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
