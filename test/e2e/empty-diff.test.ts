import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { contentCi } from './support/content-ci.js';
import { branchSha, commentsOn, sluiceRun } from './support/pulls.js';
import { busyQueue, mainSince, openPulls, sluiceTitles } from './support/stagings.js';

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

/** Someone pushes the very change of a PR straight to main. */
async function pushSameChangeToMain(s: Scenario, files: Record<string, string>) {
  return s.repo.push({ branch: 'main', files, message: 'feat: add two, by hand', by: 'bob' });
}

/** Every commit of main since `since` changes its tree: nothing empty landed. */
async function expectNoEmptyCommit(s: Scenario, since: string) {
  for (const commit of await mainSince(s, since)) {
    const parent = await s.repo.git.readCommit(commit.parents[0]!);
    expect(commit.tree).not.toBe(parent?.tree);
  }
}

function expectDequeuedAsAlreadyThere(s: Scenario, pr: { number: number; head: string }) {
  expect(s.repo.pull(pr.number)).toMatchObject({ merged: false, state: 'open' });
  expect(s.repo.labels(pr.number)).toEqual([]);
  const run = sluiceRun(s, pr.head);
  expect(run).toMatchObject({ status: 'completed', conclusion: 'neutral' });
  expect(run?.output.title).toBe('Dequeued: its changes are already on main');
  expect(commentsOn(s, pr.number)).toMatch(/`main` already has its changes/);
}

describe('a PR whose changes are already on the base', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('alone: leaves the queue saying so, and nothing is staged or landed', async () => {
    s = await startScenario({ ci: contentCi(), config, requiredChecks: ['build', 'test'] });
    const change = { 'src/two.ts': 'export const two = 2;\n' };
    const [two] = await openPulls(s, [{ name: 'two', files: change }]);
    const main = await pushSameChangeToMain(s, change);
    await s.repo.label(two!.number, 'merge-queue', 'maintainer');
    await s.settle();

    expectDequeuedAsAlreadyThere(s, two!);
    expect(await branchSha(s, 'main')).toBe(main);
    expect(await branchSha(s, 'sluice/staging/main/1')).toBeUndefined();
    expect(s.repo.runs().filter((r) => r.branch.startsWith('sluice/'))).toEqual([]);
    s.gh.assertClean();
  });

  it('in a batch of three: leaves saying so, and the other two land', async () => {
    s = await startScenario({ ci: contentCi(), config, requiredChecks: ['build', 'test'] });
    const change = { 'src/two.ts': 'export const two = 2;\n' };
    const [one, two, three] = await openPulls(s, [
      { name: 'one' },
      { name: 'two', files: change },
      { name: 'three' },
    ]);
    await pushSameChangeToMain(s, change);
    // Labeled while the queue tests another PR: the three go as one batch.
    const busy = await busyQueue(s);
    for (const pr of [one!, two!, three!])
      await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    const base = await busy.land();
    for (let round = 0; round < 5 && s.repo.pendingCi().length > 0; round++) {
      await s.repo.finishCi();
      await s.settle();
    }

    expectDequeuedAsAlreadyThere(s, two!);
    expect((await mainSince(s, base)).map((c) => c.pr)).toEqual([one!.number, three!.number]);
    for (const pr of [one!, three!]) expect(s.repo.pull(pr.number).merged).toBe(true);
    await expectNoEmptyCommit(s, base);
    // #one never carried #two's change: main did. Nothing may say otherwise.
    expect(sluiceTitles(s, two!.head)).not.toContainEqual(
      expect.stringContaining(`#${one!.number} already carries`),
    );
    s.gh.assertClean();
  });
});
