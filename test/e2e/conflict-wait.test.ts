import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { breakage, brokenMarker, contentCi } from './support/content-ci.js';
import { branchSha, commentsOn, sluiceRun } from './support/pulls.js';
import {
  busyQueue,
  fileOn,
  mainSince,
  openPulls,
  sluiceTitles,
  stagingOf,
} from './support/stagings.js';

function config(options: { maxSize: number; parallel: number }) {
  return [
    'queue:',
    '  batch:',
    `    maxSize: ${options.maxSize}`,
    '    adaptive: false',
    '    waitSeconds: 0',
    `  parallel: ${options.parallel}`,
    '  probes: false',
    'labels:',
    '  failed:',
    '    conflict: sluice:conflict',
    '',
  ].join('\n');
}

const files = { 'src/x.ts': 'export const x = 0;\n' };

/** #A and #B change the same line of src/x.ts: B cannot be built on top of A. */
async function twoOnTheSameLine(s: Scenario, options: { aBroken: boolean }) {
  const [a, b] = await openPulls(s, [
    {
      name: 'a',
      files: { 'src/x.ts': `export const x = 1;${options.aBroken ? ` ${brokenMarker}` : ''}\n` },
    },
    { name: 'b', files: { 'src/x.ts': 'export const x = 2;\n' } },
  ]);
  return { a: a!, b: b! };
}

const waitingForA = (a: number) => `Waiting for #${a} to land (conflicts in src/x.ts)`;

describe('a PR that conflicts with a PR ahead of it', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('in one batch: waits for it to land, is tried on the new base, and leaves naming the files', async () => {
    s = await startScenario({
      ci: contentCi(),
      config: config({ maxSize: 2, parallel: 1 }),
      requiredChecks: ['build', 'test'],
      files,
    });
    const busy = await busyQueue(s);
    const { a, b } = await twoOnTheSameLine(s, { aBroken: false });
    for (const pr of [a, b]) await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    const base = await busy.land();

    // B is not built on A: A is tested alone, and B says whom it waits for and why.
    const staging = (await stagingOf(s, 1))!;
    expect(staging.prs).toEqual([a.number]);
    expect(sluiceRun(s, b.head)).toMatchObject({ status: 'queued' });
    expect(sluiceRun(s, b.head)?.output.title).toBe(waitingForA(a.number));
    expect(sluiceRun(s, b.head)?.output.summary).toContain('`src/x.ts`');
    expect(s.repo.labels(b.number)).toEqual(['merge-queue']);

    // A lands; B, tried on the new base, still conflicts and leaves, naming the file.
    await s.repo.finishCi();
    await s.settle();
    expect((await mainSince(s, base)).map((c) => c.pr)).toEqual([a.number]);
    expect(s.repo.pull(b.number)).toMatchObject({ merged: false, state: 'open' });
    expect(s.repo.labels(b.number)).toEqual(['sluice:conflict']);
    const run = sluiceRun(s, b.head);
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(run?.output.title).toBe('Dequeued: conflicts with main');
    expect(run?.output.summary).toContain('`src/x.ts`');
    expect(commentsOn(s, b.number)).toContain('src/x.ts');
    expect(await branchSha(s, 'main')).toBe(staging.tip);
    s.gh.assertClean();
  });

  it('behind it in the chain: waits, and lands once the PR ahead is dequeued instead', async () => {
    s = await startScenario({
      ci: contentCi({ breakages: [breakage('src/x.ts', 'x adds up')] }),
      config: config({ maxSize: 1, parallel: 2 }),
      requiredChecks: ['build', 'test'],
      files,
    });
    const base = (await branchSha(s, 'main'))!;
    const { a, b } = await twoOnTheSameLine(s, { aBroken: true });
    for (const pr of [a, b]) await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();

    // A tests at the front; B could not be stacked on it and waits for it.
    expect((await stagingOf(s, 1))?.prs).toEqual([a.number]);
    expect(await branchSha(s, 'sluice/staging/main/2')).toBeUndefined();
    expect(sluiceRun(s, b.head)?.output.title).toBe(waitingForA(a.number));

    // A fails and leaves; B is tried on main without it, and lands.
    await s.repo.finishCi();
    await s.settle();
    expect(s.repo.labels(a.number)).toEqual(['sluice:test']);
    const rebuilt = (await stagingOf(s, 1))!;
    expect(rebuilt.prs).toEqual([b.number]);
    expect(rebuilt.commits[0]!.parents).toEqual([base]);
    await s.repo.finishCi();
    await s.settle();
    expect((await mainSince(s, base)).map((c) => c.pr)).toEqual([b.number]);
    expect(s.repo.pull(b.number)).toMatchObject({ merged: true });
    expect(await fileOn(s, 'main', 'src/x.ts')).toBe('export const x = 2;\n');
    expect(sluiceTitles(s, b.head)).toContain(waitingForA(a.number));
    expect(commentsOn(s, b.number)).not.toMatch(/conflict/i);
    s.gh.assertClean();
  });
});
