import { expect } from '@jest/globals';
import type { Scenario } from './scenario.js';
import { branchSha, openPull, sluiceRun } from './pulls.js';

/** Scenario 1: one PR, label → staging → green → landed, every promise checked. */
export async function landOnePullRequest(s: Scenario): Promise<void> {
  const pr = await openPull(s, {
    title: 'feat(api): add widgets',
    body: 'Adds widgets.\n<!-- reviewers: ignore this -->',
    files: { 'src/widgets.ts': 'export const widgets = 1;\n' },
  });
  await s.repo.label(pr.number, 'merge-queue', 'maintainer');
  await s.settle();

  const staging = await branchSha(s, 'sluice/staging/main/1');
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
  // The check run says where it landed; no comment repeats it (`landing.comment` is opt-in).
  expect(sluiceRun(s, pr.head)).toMatchObject({
    status: 'completed',
    conclusion: 'success',
    output: { title: `Landed on main as ${staging!.slice(0, 7)}` },
  });
  expect(s.repo.comments(pr.number)).toEqual([]);
  s.gh.assertClean();
}

/**
 * Scenario 2: three PRs land in queue order, each as its own squash commit on top of the one
 * before, whatever the policy makes of them (one batch, a chain, probes): every commit on the
 * base is one PR's Sluice subject, and every base move went to a tip CI passed.
 */
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
  const tips: string[] = [];
  for (let round = 0; prs.some((pr) => !s.repo.pull(pr.number).merged); round++) {
    if (round > prs.length * 3 || s.repo.pendingCi().length === 0)
      throw new Error(`the queue stopped before landing all three\n${s.app.tail()}`);
    await s.repo.finishCi();
    await s.settle();
    const main = (await branchSha(s, 'main'))!;
    if (tips.at(-1) !== main) tips.push(main);
  }
  const log = await s.repo.git.listCommits({ head: 'refs/heads/main', max: 3 });
  expect(log.map((c) => c.message.split('\n')[0]).reverse()).toEqual(
    prs.map((pr, i) => `feat: add ${names[i]} (#${pr.number})`),
  );
  for (const [i, pr] of prs.entries()) {
    expect(s.repo.pull(pr.number)).toMatchObject({ merged: true });
    // Each head sits on its own squash commit, the one on the base.
    expect(s.repo.pull(pr.number).head.sha).toBe(log[prs.length - 1 - i]!.sha);
  }
  for (const tip of tips)
    for (const name of ['build', 'test'])
      expect(s.repo.checkRuns(tip).find((r) => r.name === name)).toMatchObject({
        status: 'completed',
        conclusion: 'success',
      });
  s.gh.assertClean();
}
