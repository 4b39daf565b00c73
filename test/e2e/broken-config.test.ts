import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { branchSha, openPull } from './support/pulls.js';

describe('a broken .github/sluice.yml', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('on the default branch: a failing Sluice check run naming file, line and fix; nothing merged', async () => {
    s = await startScenario({
      ci: stagingCi(),
      requiredChecks: ['build', 'test'],
      config: 'queue:\n  label: merge-queue\nlanding:\n  strategy: squash\n',
    });
    const base = await branchSha(s, 'main');
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();

    expect(await branchSha(s, 'sluice/staging/main/1')).toBeUndefined();
    expect(await branchSha(s, 'main')).toBe(base);
    const run = s.repo.checkRuns(pr.head).find((c) => c.name === 'Sluice');
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    const text = `${run?.output.title}\n${run?.output.summary}\n${run?.output.text}`;
    expect(text).toContain('.github/sluice.yml');
    expect(text).toMatch(/line 4/i);
    expect(text).toContain('fast-forward');
    s.gh.assertClean();
  });

  it('in a pull request: a `Sluice config` check run on its head, annotated at the line', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    const pr = await openPull(s, {
      files: { '.github/sluice.yml': 'queue:\n  onPush: explode\n' },
    });
    await s.settle();
    const run = s.repo.checkRuns(pr.head).find((c) => c.name === 'Sluice config');
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(run?.output.annotations).toEqual([
      expect.objectContaining({ path: '.github/sluice.yml', start_line: 2 }),
    ]);
    s.gh.assertClean();
  });
});
