import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { branchSha } from './support/pulls.js';
import type { FaultRule } from '../fake-github/http/faults.js';

async function forkPullReadyToLand(s: Scenario): Promise<{ number: number; staging: string }> {
  await s.gh.createRepo({ fullName: 'carol/widgets', parent: 'acme/widgets' });
  const pr = await s.repo.openPullRequest({
    author: 'carol',
    branch: 'fix/typo',
    fork: 'carol/widgets',
    maintainerCanModify: false,
    title: 'fix: typo',
    commits: [{ message: 'typo', files: { 'README.md': '# Widgets\n' } }],
  });
  await s.repo.label(pr.number, 'merge-queue', 'maintainer');
  await s.settle();
  return { number: pr.number, staging: (await branchSha(s, 'sluice/staging/main/1'))! };
}

const mergeCalls = (s: Scenario) =>
  s.gh.world.requests.filter((r) => r.operationId === 'pulls/merge');

describe('the merge API answering badly', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it.each<[string, FaultRule]>([
    [
      '405 base branch modified',
      {
        op: 'pulls/merge',
        times: 1,
        status: 405,
        message: 'Base branch was modified. Review and try the merge again.',
      },
    ],
    [
      '409 head branch modified',
      {
        op: 'pulls/merge',
        times: 1,
        status: 409,
        message: 'Head branch was modified. Review and try the merge again.',
      },
    ],
  ])('%s (but nothing moved): looks again, then merges once', async (_, fault) => {
    s = await startScenario({ ci: stagingCi(), config: 'checks:\n  required: [build, test]\n' });
    const pr = await forkPullReadyToLand(s);
    s.gh.faults.add(fault);
    await s.repo.finishCi();
    await s.settle();

    expect(s.repo.pull(pr.number).merged).toBe(true);
    expect(mergeCalls(s).map((r) => r.status)).toEqual([fault.status, 200]);
    expect(await s.repo.git.treeOf('refs/heads/main')).toBe(await s.repo.git.treeOf(pr.staging));
    s.gh.assertClean();
  });

  it('502 after merging (the answer was lost): never merges twice, finishes as merged', async () => {
    s = await startScenario({ ci: stagingCi(), config: 'checks:\n  required: [build, test]\n' });
    const pr = await forkPullReadyToLand(s);
    s.gh.faults.add({
      op: 'pulls/merge',
      times: 1,
      status: 502,
      message: 'Bad Gateway',
      when: 'after',
    });
    await s.repo.finishCi();
    await s.settle();

    expect(mergeCalls(s)).toHaveLength(1);
    expect(s.repo.pull(pr.number).merged).toBe(true);
    expect(s.repo.labels(pr.number)).not.toContain('merge-queue');
    s.gh.assertClean();
  });

  it('405 not mergeable for good: dequeued with the reason, no retry storm', async () => {
    s = await startScenario({ ci: stagingCi(), config: 'checks:\n  required: [build, test]\n' });
    const pr = await forkPullReadyToLand(s);
    s.gh.faults.add({
      op: 'pulls/merge',
      status: 405,
      message: 'At least 1 approving review is required by reviewers with write access.',
    });
    await s.repo.finishCi();
    await s.settle();

    expect(mergeCalls(s)).toHaveLength(1);
    expect(s.repo.pull(pr.number).merged).toBe(false);
    expect(
      s.repo
        .comments(pr.number)
        .map((c) => c.body)
        .join('\n'),
    ).toContain('approving review');
    s.gh.assertClean();
  });
});
