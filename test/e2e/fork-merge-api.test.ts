import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { branchSha } from './support/pulls.js';

describe('a fork PR whose head Sluice may not write', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('lands through the merge API, and the landed tree is the tested tree', async () => {
    // Required checks come from the config: with branch protection, GitHub's merge API would
    // demand them on the PR head, where this CI does not run (see docs/adr/0001-landing.md).
    s = await startScenario({ ci: stagingCi(), config: 'checks:\n  required: [build, test]\n' });
    await s.gh.createRepo({ fullName: 'carol/widgets', parent: 'acme/widgets' });
    const pr = await s.repo.openPullRequest({
      author: 'carol',
      branch: 'fix/typo',
      fork: 'carol/widgets',
      maintainerCanModify: false,
      title: 'fix: typo in readme',
      commits: [{ message: 'typo', files: { 'README.md': '# Widgets\n' } }],
    });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    const staging = await branchSha(s, 'sluice/staging/main/1');
    await s.repo.finishCi();
    await s.settle();

    expect(s.repo.pull(pr.number)).toMatchObject({ merged: true });
    const main = await branchSha(s, 'main');
    expect(main).not.toBe(staging);
    expect(await s.repo.git.treeOf(main!)).toBe(await s.repo.git.treeOf(staging!));
    expect((await s.repo.git.readCommit(main!))?.message.split('\n')[0]).toBe(
      `fix: typo in readme (#${pr.number})`,
    );
    expect(s.gh.world.requests.filter((r) => r.operationId === 'pulls/merge')).toHaveLength(1);
    s.gh.assertClean();
  });

  it('lands a fork PR that allows maintainer edits through the merge API too, never forcing the contributor’s branch', async () => {
    s = await startScenario({ ci: stagingCi(), config: 'checks:\n  required: [build, test]\n' });
    await s.gh.createRepo({ fullName: 'carol/widgets', parent: 'acme/widgets' });
    const pr = await s.repo.openPullRequest({
      author: 'carol',
      branch: 'fix/typo',
      fork: 'carol/widgets',
      maintainerCanModify: true,
      title: 'fix: typo in readme',
      commits: [{ message: 'typo', files: { 'README.md': '# Widgets\n' } }],
    });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    const staging = await branchSha(s, 'sluice/staging/main/1');
    await s.repo.finishCi();
    await s.settle();

    expect(s.repo.pull(pr.number)).toMatchObject({ merged: true });
    const main = await branchSha(s, 'main');
    expect(await s.repo.git.treeOf(main!)).toBe(await s.repo.git.treeOf(staging!));
    // Carol's branch in her fork still ends at her own commit.
    expect(await s.gh.repo('carol/widgets').git.resolveRef('refs/heads/fix/typo')).toBe(
      pr.pull.headSha,
    );
    expect(s.gh.world.requests.filter((r) => r.operationId === 'pulls/merge')).toHaveLength(1);
    s.gh.assertClean();
  });
});
