import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { openPull, sluiceRun } from './support/pulls.js';
import { checkRunWritesIn } from './support/check-run-writes.js';

/** One PR at a time: the ones behind only move up in line while the first lands. */
const serial = [
  'queue:',
  '  batch:',
  '    maxSize: 1',
  '  parallel: 1',
  '  probes: false',
  '',
].join('\n');

describe("a queued PR's Sluice check run", () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('is rewritten when its state changes, not when only its place in line does', async () => {
    s = await startScenario({ ci: stagingCi(), config: serial, requiredChecks: ['build', 'test'] });
    const prs = [];
    for (const name of ['one', 'two', 'three'])
      prs.push(await openPull(s, { files: { [`src/${name}.ts`]: `export const ${name} = 1;\n` } }));
    for (const pr of prs) await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    const last = prs[2]!;
    const run = sluiceRun(s, last.head)!;
    const writes = () =>
      checkRunWritesIn(s!.gh.world.requests).filter(
        (w) => w.kind === 'update' && w.runId === run.id,
      ).length;
    expect(run.output.title).toBe('Queued: 3 of 3');
    expect(run.output.summary).toContain('when this was written');
    const before = writes();

    // #one lands: #three moves up from 3rd to 2nd, and nothing else about it changes.
    await s.repo.finishCi();
    await s.settle();
    expect(s.repo.pull(prs[0]!.number).merged).toBe(true);
    expect(writes()).toBe(before);
    expect(sluiceRun(s, last.head)?.output.title).toBe('Queued: 3 of 3');

    // #two lands: #three is tested now, a new state, and its run says so at once.
    await s.repo.finishCi();
    await s.settle();
    expect(s.repo.pull(prs[1]!.number).merged).toBe(true);
    expect(writes()).toBe(before + 1);
    expect(sluiceRun(s, last.head)?.status).toBe('in_progress');
    expect(sluiceRun(s, last.head)?.output.title).toMatch(/^Testing/);
    s.gh.assertClean();
  });
});
