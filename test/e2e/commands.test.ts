import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { branchSha, commentsOn, openPull, sluiceRun } from './support/pulls.js';
import { clickCheckRunAction } from '../fake-github/control/ci-ops.js';

describe('queueing by comment and by check run button', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('`/sluice queue` queues (and labels) the PR; `/sluice dequeue` takes it out', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    s.repo.comment(pr.number, 'Looks good.\n/sluice queue', 'maintainer');
    await s.settle();
    expect(s.repo.labels(pr.number)).toContain('merge-queue');
    expect(await branchSha(s, 'sluice/staging/main/1')).toBeDefined();

    s.repo.comment(pr.number, '/sluice dequeue', 'maintainer');
    await s.settle();
    expect(s.repo.labels(pr.number)).not.toContain('merge-queue');
    expect(await branchSha(s, 'sluice/staging/main/1')).toBeUndefined();
    expect(sluiceRun(s, pr.head)).toMatchObject({ status: 'completed', conclusion: 'neutral' });
    s.gh.assertClean();
  });

  it('ignores commands quoted from someone else and refuses them from readers', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    s.repo.comment(pr.number, '> /sluice queue\nWhy did you write that?', 'maintainer');
    await s.settle();
    expect(s.repo.labels(pr.number)).not.toContain('merge-queue');
    s.repo.comment(pr.number, '/sluice queue', 'reader');
    await s.settle();
    expect(s.repo.labels(pr.number)).not.toContain('merge-queue');
    expect(commentsOn(s, pr.number)).toContain('@reader');
    s.gh.assertClean();
  });

  it('the Dequeue button on the Sluice check run dequeues, the Retry button re-queues', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    const run = sluiceRun(s, pr.head)!;
    clickCheckRunAction(s.gh.services, {
      repo: s.repo.state,
      checkRunId: run.id,
      identifier: 'sluice-dequeue',
      by: 'maintainer',
    });
    await s.settle();
    expect(s.repo.labels(pr.number)).not.toContain('merge-queue');

    clickCheckRunAction(s.gh.services, {
      repo: s.repo.state,
      checkRunId: run.id,
      identifier: 'sluice-retry',
      by: 'maintainer',
    });
    await s.settle();
    expect(s.repo.labels(pr.number)).toContain('merge-queue');
    await s.repo.finishCi();
    await s.settle();
    expect(s.repo.pull(pr.number).merged).toBe(true);
    s.gh.assertClean();
  });

  it('refuses a draft, saying why', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    const pr = await s.repo.openPullRequest({
      author: 'alice',
      branch: 'wip',
      draft: true,
      title: 'feat: wip',
      commits: [{ message: 'wip', files: { 'src/a.ts': 'x\n' } }],
    });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    expect(s.repo.labels(pr.number)).not.toContain('merge-queue');
    expect(commentsOn(s, pr.number)).toMatch(/draft/i);
    s.gh.assertClean();
  });
});
