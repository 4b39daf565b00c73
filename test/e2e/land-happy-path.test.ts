import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';

describe('label → staging → green → landed', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('lands exactly the tested staging commit, marks the PR merged and cleans up', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    const pr = await s.repo.openPullRequest({
      author: 'alice',
      branch: 'feature/widgets',
      title: 'feat(api): add widgets',
      body: 'Adds widgets.\n<!-- reviewers: ignore this -->',
      commits: [
        { message: 'add widgets', files: { 'src/widgets.ts': 'export const widgets = 1;\n' } },
      ],
    });
    const head = pr.pull.headSha;
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();

    const staging = await s.repo.git.resolveRef('refs/heads/sluice/staging/main');
    expect(staging).toBeDefined();
    expect(s.repo.pendingCi().length).toBeGreaterThan(0);
    const sluiceRun = s.repo.checkRuns(head).find((c) => c.name === 'Sluice');
    expect(sluiceRun?.status).toBe('in_progress');

    await s.repo.finishCi();
    await s.settle();

    const main = await s.repo.git.resolveRef('refs/heads/main');
    expect(main).toBe(staging);
    const landed = await s.repo.git.readCommit(main!);
    expect(landed?.message.split('\n')[0]).toBe('feat(api): add widgets (#1)');
    expect(landed?.message).toContain('Sluice-PR: 1');
    expect(landed?.message).not.toContain('reviewers: ignore this');
    expect(s.repo.pull(pr.number)).toMatchObject({ merged: true, state: 'closed' });
    expect(s.repo.labels(pr.number)).not.toContain('merge-queue');
    const finalRun = s.repo.checkRuns(head).find((c) => c.name === 'Sluice');
    expect(finalRun).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(
      s.repo
        .comments(pr.number)
        .map((c) => c.body)
        .join('\n'),
    ).toMatch(/Landed/i);
    s.gh.assertClean();
  });
});
