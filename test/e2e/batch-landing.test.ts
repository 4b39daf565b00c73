import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { contentCi } from './support/content-ci.js';
import { branchSha, sluiceRun } from './support/pulls.js';
import {
  busyQueue,
  callsOf,
  commitsOver,
  mainSince,
  openPulls,
  sluiceTitles,
} from './support/stagings.js';

/**
 * Three PRs in one batch: one staging, one squash commit per PR on top of the one before, one
 * CI run for all three; when it passes the base moves to exactly the tested tip.
 */
const config = [
  'queue:',
  '  batch:',
  '    maxSize: 3',
  '    adaptive: false',
  '    waitSeconds: 0',
  '  parallel: 1',
  '  probes: false',
  '',
].join('\n');

describe('a batch of pull requests', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('tests three PRs as one staging of three squash commits and lands exactly that tip, in queue order', async () => {
    s = await startScenario({ ci: contentCi(), config, requiredChecks: ['build', 'test'] });
    // Three PRs are labeled while the queue tests another: they wait, then go together.
    const busy = await busyQueue(s);
    const prs = await openPulls(s, [{ name: 'one' }, { name: 'two' }, { name: 'three' }]);
    for (const pr of prs) await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    expect(s.repo.runs().filter((r) => r.branch === 'sluice/staging/main/1')).toHaveLength(1);
    const base = await busy.land();
    const landingsBefore = callsOf(s, 'graphql-mutation/updateRefs').length;

    // One staging: three squash commits, each on the one before, the first on main.
    expect(await branchSha(s, 'sluice/staging/main/2')).toBeUndefined();
    const tip = (await branchSha(s, 'sluice/staging/main/1'))!;
    expect(tip).toBeDefined();
    const staged = await commitsOver(s, tip, base);
    expect(staged.map((c) => c.subject)).toEqual(
      prs.map((pr) => `feat: add ${pr.name} (#${pr.number})`),
    );
    expect(staged.map((c) => c.pr)).toEqual(prs.map((pr) => pr.number));
    expect(staged.map((c) => c.parents)).toEqual([[base], [staged[0]!.sha], [staged[1]!.sha]]);
    for (const [i, pr] of prs.entries()) {
      const others = prs.filter((_, j) => j !== i).map((p) => `#${p.number}`);
      expect(sluiceRun(s, pr.head)?.status).toBe('in_progress');
      expect(sluiceRun(s, pr.head)?.output.title).toMatch(`Testing with ${others.join(' and ')}`);
    }

    await s.repo.finishCi();
    await s.settle();

    // The base is exactly the tested tip; main gained the three commits, in queue order.
    expect(await branchSha(s, 'main')).toBe(tip);
    const landed = await mainSince(s, base);
    expect(landed.map((c) => c.sha)).toEqual(staged.map((c) => c.sha));
    // In one atomic write: three heads and the base.
    expect(callsOf(s, 'graphql-mutation/updateRefs')).toHaveLength(landingsBefore + 1);
    for (const [i, pr] of prs.entries()) {
      expect(s.repo.pull(pr.number)).toMatchObject({ merged: true, state: 'closed' });
      // Each head moved to its own squash commit, so GitHub shows each PR merged as itself.
      expect(s.repo.pull(pr.number).head.sha).toBe(staged[i]!.sha);
      expect(s.repo.labels(pr.number)).not.toContain('merge-queue');
      // Each PR's check run says where it landed: its own squash commit, under its own subject.
      // No comment repeats it (`landing.comment` is opt-in).
      const own = staged[i]!;
      const run = sluiceRun(s, pr.head);
      expect(run).toMatchObject({ status: 'completed', conclusion: 'success' });
      expect(run?.output.title).toBe(`Landed on main as ${own.sha.slice(0, 7)}`);
      expect(run?.output.summary).toMatch(new RegExp(`Landed as \\[?\`${own.sha.slice(0, 7)}\``));
      expect(run?.output.summary).toContain(`with the subject \`${own.subject}\``);
      expect(s.repo.comments(pr.number)).toEqual([]);
      const others = prs.filter((_, j) => j !== i).map((p) => `#${p.number}`);
      expect(sluiceTitles(s, pr.head)).toContainEqual(
        expect.stringContaining(`Testing with ${others.join(' and ')}`),
      );
    }
    // CI ran once, on the tested tip, for all three: no runner was spent on anything else.
    expect(s.repo.runs().map((r) => `${r.branch}@${r.sha}`)).toEqual([
      `sluice/staging/main/1@${busy.tip}`,
      `sluice/staging/main/1@${tip}`,
    ]);
    s.gh.assertClean();
  });
});
