import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { branchSha, openPull } from './support/pulls.js';

describe('three queued PRs', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('land in queue order, each tested on top of the one before', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    const prs = [];
    for (const name of ['one', 'two', 'three'])
      prs.push(
        await openPull(s, {
          files: { [`src/${name}.ts`]: `export const ${name} = 1;\n` },
          title: `feat: add ${name}`,
        }),
      );
    for (const pr of prs) await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();

    const tested: string[] = [];
    for (let i = 0; i < prs.length; i++) {
      const staging = await branchSha(s, 'sluice/staging/main');
      const base = await branchSha(s, 'main');
      const commit = await s.repo.git.readCommit(staging!);
      expect(commit?.parents).toEqual([base]);
      expect(commit?.message.split('\n')[0]).toBe(
        `feat: add ${['one', 'two', 'three'][i]} (#${prs[i]!.number})`,
      );
      tested.push(staging!);
      await s.repo.finishCi();
      await s.settle();
      expect(await branchSha(s, 'main')).toBe(staging);
    }
    const log = await s.repo.git.listCommits({ head: 'refs/heads/main', max: 3 });
    expect(log.map((c) => c.sha)).toEqual([...tested].reverse());
    for (const pr of prs) expect(s.repo.pull(pr.number)).toMatchObject({ merged: true });
    s.gh.assertClean();
  }, 120_000);
});
