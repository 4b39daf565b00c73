import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { breakage, brokenMarker, contentCi } from './support/content-ci.js';
import { branchSha, commentsOn, sluiceRun } from './support/pulls.js';
import {
  busyQueue,
  callsOf,
  commitsOver,
  fileOn,
  mainSince,
  openPulls,
  sluiceTitles,
} from './support/stagings.js';

/** A batch that fails is split in halves until the broken PR is found; the others land. */
const config = [
  'queue:',
  '  batch:',
  '    maxSize: 4',
  '    adaptive: false',
  '    waitSeconds: 0',
  '  parallel: 1',
  '  probes: false',
  'labels:',
  '  failed:',
  '    test: sluice:test',
  'gates:',
  '  onFailure:',
  '    test: dequeue',
  '    infra: retry',
  '',
].join('\n');

const names = ['one', 'two', 'three', 'four'];

describe('a failing batch', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('is bisected: the broken PR leaves with its verdict, the other three land in queue order', async () => {
    s = await startScenario({
      ci: contentCi({ breakages: [breakage('src/three.ts', 'three adds up')] }),
      config,
      requiredChecks: ['build', 'test'],
    });
    // Four PRs are labeled while the queue tests another: they go as one batch of four.
    const busy = await busyQueue(s);
    const prs = await openPulls(
      s,
      names.map((name) =>
        name === 'three'
          ? { name, content: `export const three = 3; ${brokenMarker}\n` }
          : { name },
      ),
    );
    const [one, two, three, four] = [prs[0]!, prs[1]!, prs[2]!, prs[3]!];
    for (const pr of prs) await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    const base = await busy.land();
    const batch = (await branchSha(s, 'sluice/staging/main/1'))!;
    const batchCommits = await commitsOver(s, batch, base);
    expect(batchCommits.map((c) => c.pr)).toEqual(prs.map((p) => p.number));
    const mergesForBatch = callsOf(s, 'repos/merge').length;

    // Bisection is CI until it converges: step every staging in flight until nothing is left.
    const tested: string[] = [];
    for (let round = 0; round < 10 && s.repo.pendingCi().length > 0; round++) {
      tested.push(...new Set(s.repo.pendingCi().map((w) => w.sha)));
      await s.repo.finishCi();
      await s.settle();
    }
    expect(s.repo.pendingCi()).toEqual([]);

    // #three leaves with the test gate's label and the evidence; it never lands.
    expect(s.repo.pull(three.number)).toMatchObject({ merged: false, state: 'open' });
    expect(s.repo.labels(three.number)).toEqual(['sluice:test']);
    const run = sluiceRun(s, three.head);
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    const shown = `${run?.output.title}\n${run?.output.summary}\n${run?.output.text}`;
    // The verdict (the `test` gate) and its evidence: the job, the signature, the log lines.
    expect(run?.output.title).toBe('Dequeued: test failed (test)');
    expect(shown).toMatch(/In job `test`, step `Run npm test`: line \d+ matches jest/);
    expect(shown).toContain('Tests:       1 failed');
    expect(commentsOn(s, three.number)).toMatch(/matches jest/);

    // The other three land, in queue order, and nothing of #three is on main.
    const landed = await mainSince(s, base);
    expect(landed.map((c) => c.pr)).toEqual([one.number, two.number, four.number]);
    // The halves are the batch's PRs again, on the same commits: the first half is the batch's
    // own first two commits, merged and committed once. Only #four, now on #two, is merged anew.
    expect(landed.slice(0, 2).map((c) => c.sha)).toEqual(
      batchCommits.slice(0, 2).map((c) => c.sha),
    );
    expect(callsOf(s, 'repos/merge').length - mergesForBatch).toBe(1);
    for (const pr of [one, two, four]) {
      expect(s.repo.pull(pr.number)).toMatchObject({ merged: true, state: 'closed' });
      expect(s.repo.labels(pr.number)).toEqual([]);
    }
    expect(await fileOn(s, 'main', 'src/three.ts')).toBeUndefined();
    // While it was split, the check runs said so.
    const titles = [one, two, three, four].flatMap((pr) => sluiceTitles(s!, pr.head));
    expect(titles).toContainEqual(expect.stringMatching(/^Bisecting/));
    // Failed jobs of a test failure are never re-run.
    expect(callsOf(s, 'actions/re-run-workflow-failed-jobs')).toEqual([]);
    expect(tested.length).toBeGreaterThan(1);
    // The batch and the halves ended with their CI finished: there was no run of theirs to
    // cancel, and none was looked for.
    const listedFor = callsOf(s, 'actions/list-workflow-runs-for-repo').map((call) =>
      new URL(call.path, 'http://x').searchParams.get('head_sha')!,
    );
    expect(listedFor.filter((sha) => tested.includes(sha))).toEqual([]);
    s.gh.assertClean();
  });

  it('that lost its runner re-runs the failed jobs first, and ejects nobody', async () => {
    s = await startScenario({
      // The batch's first run loses its runner (it holds src/one.ts); the re-run is fine.
      ci: contentCi({
        runnerLost: async ({ attempt, readFile }) =>
          attempt === 1 && (await readFile('src/one.ts')) !== undefined,
      }),
      config,
      requiredChecks: ['build', 'test'],
    });
    const busy = await busyQueue(s);
    const prs = await openPulls(
      s,
      names.map((name) => ({ name })),
    );
    for (const pr of prs) await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    const base = await busy.land();
    const tip = (await branchSha(s, 'sluice/staging/main/1'))!;

    await s.repo.finishCi();
    await s.settle();
    // The staging's failed jobs run again, on the same commit; the batch is not split.
    expect(callsOf(s, 'actions/re-run-workflow-failed-jobs')).toHaveLength(1);
    expect(s.repo.runs(tip).map((r) => r.attempt)).toEqual([2]);
    expect(await branchSha(s, 'sluice/staging/main/1')).toBe(tip);

    await s.repo.finishCi();
    await s.settle();
    expect(await branchSha(s, 'main')).toBe(tip);
    const landed = await mainSince(s, base);
    expect(landed.map((c) => c.pr)).toEqual(prs.map((pr) => pr.number));
    for (const pr of prs) {
      expect(s.repo.pull(pr.number)).toMatchObject({ merged: true });
      expect(s.repo.labels(pr.number)).toEqual([]);
      expect(commentsOn(s, pr.number)).not.toMatch(/dequeued/i);
      expect(sluiceTitles(s, pr.head)).not.toContainEqual(expect.stringMatching(/^Bisecting/));
    }
    s.gh.assertClean();
  });
});
