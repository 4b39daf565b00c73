import { expect } from '@jest/globals';
import type { Scenario } from './scenario.js';
import { branchSha, commentsOn, openPull, sluiceRun } from './pulls.js';

/** Scenario 1: one PR, label → staging → green → landed, every promise checked. */
export async function landOnePullRequest(s: Scenario): Promise<void> {
  const pr = await openPull(s, {
    title: 'feat(api): add widgets',
    body: 'Adds widgets.\n<!-- reviewers: ignore this -->',
    files: { 'src/widgets.ts': 'export const widgets = 1;\n' },
  });
  await s.repo.label(pr.number, 'merge-queue', 'maintainer');
  await s.settle();

  const staging = await branchSha(s, 'sluice/staging/main');
  expect(staging).toBeDefined();
  expect(s.repo.pendingCi().length).toBeGreaterThan(0);
  expect(sluiceRun(s, pr.head)?.status).toBe('in_progress');

  await s.repo.finishCi();
  await s.settle();

  expect(await branchSha(s, 'main')).toBe(staging);
  const landed = await s.repo.git.readCommit(staging!);
  expect(landed?.message.split('\n')[0]).toBe(`feat(api): add widgets (#${pr.number})`);
  expect(landed?.message).toContain(`Sluice-PR: ${pr.number}`);
  expect(landed?.message).toContain('Sluice-Type: feat');
  expect(landed?.message).not.toContain('reviewers: ignore this');
  expect(s.repo.pull(pr.number)).toMatchObject({ merged: true, state: 'closed' });
  expect(s.repo.labels(pr.number)).not.toContain('merge-queue');
  expect(sluiceRun(s, pr.head)).toMatchObject({ status: 'completed', conclusion: 'success' });
  expect(commentsOn(s, pr.number)).toMatch(/Landed/i);
  s.gh.assertClean();
}

/** Scenario 2: three PRs land in queue order, each tested on top of the one before. */
export async function landThreeInOrder(s: Scenario): Promise<void> {
  const names = ['one', 'two', 'three'];
  const prs = [];
  for (const name of names)
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
    expect(commit?.message.split('\n')[0]).toBe(`feat: add ${names[i]} (#${prs[i]!.number})`);
    tested.push(staging!);
    await s.repo.finishCi();
    await s.settle();
    expect(await branchSha(s, 'main')).toBe(staging);
  }
  const log = await s.repo.git.listCommits({ head: 'refs/heads/main', max: 3 });
  expect(log.map((c) => c.sha)).toEqual([...tested].reverse());
  for (const pr of prs) expect(s.repo.pull(pr.number)).toMatchObject({ merged: true });
  s.gh.assertClean();
}
