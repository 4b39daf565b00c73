import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { branchSha, commentsOn, openPull } from './support/pulls.js';

/**
 * GitHub Enterprise Server before 3.16 has no `updateRefs`: Sluice moves the PR head, then the
 * base, and must repair whatever a crash or a lost answer leaves between the two writes.
 */
describe('landing on a GitHub without updateRefs', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('the base moves between the two writes and putting the head back answers 503: the head goes back, the PR is rebuilt and lands', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    const scenario = s;
    s.gh.setUpdateRefsAvailable(false);
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    let bobs: string | undefined;
    let refWrites = 0;
    // The landing's first ref write moves the head, its second the base: bob pushes to the base
    // just before that one, and GitHub then fails the next ref write (putting the head back).
    s.gh.races.add(
      'arrival:git/update-ref',
      async () => {
        if (++refWrites !== 2) return;
        bobs = await scenario.repo.push({
          branch: 'main',
          files: { 'docs/other.md': 'other work\n' },
          message: 'docs: other work',
          by: 'bob',
        });
        scenario.gh.faults.add({ op: 'git/update-ref', status: 503, times: 1 });
      },
      2,
    );

    await s.repo.finishCi();
    await s.settle();
    expect(bobs).toBeDefined();
    // Alice's branch is hers again, and the PR is still queued: rebuilt on bob's commit.
    expect(s.repo.pull(pr.number).head.sha).toBe(pr.head);
    expect(s.repo.pull(pr.number).merged).toBe(false);
    const rebuilt = await branchSha(s, 'sluice/staging/main/1');
    expect((await s.repo.git.readCommit(rebuilt!))?.parents).toEqual([bobs]);

    await s.repo.finishCi();
    await s.settle();
    expect(await branchSha(s, 'main')).toBe(rebuilt);
    expect(s.repo.pull(pr.number).merged).toBe(true);
    expect(commentsOn(s, pr.number)).not.toMatch(/dequeued|removed from the queue/i);
    s.gh.assertClean();
  });

  it('the app is killed between moving the head and moving the base, and the base moves while it is down: restarted, it puts the head back and lands the PR on the new base', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    const scenario = s;
    s.gh.setUpdateRefsAvailable(false);
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    let refWrites = 0;
    let bobPushed: (sha: string) => void = () => undefined;
    const bobs = new Promise<string>((resolve) => (bobPushed = resolve));
    // The app dies as its second landing write (the base) is sent, and bob pushes to the base
    // before GitHub handles it: the head is at the squash, the base never followed.
    s.gh.races.add(
      'arrival:git/update-ref',
      async () => {
        if (++refWrites !== 2) return;
        await scenario.app.kill();
        bobPushed(
          await scenario.repo.push({
            branch: 'main',
            files: { 'docs/other.md': 'other work\n' },
            message: 'docs: other work',
            by: 'bob',
          }),
        );
      },
      2,
    );

    await s.repo.finishCi();
    const pushed = await bobs;
    await s.gh.deliveries.idle.wait();
    s.gh.deliveries.expectFailuresSoFar();
    await s.app.start();
    await s.settle();

    expect(s.repo.pull(pr.number).head.sha).toBe(pr.head);
    const rebuilt = await branchSha(s, 'sluice/staging/main/1');
    expect((await s.repo.git.readCommit(rebuilt!))?.parents).toEqual([pushed]);
    await s.repo.finishCi();
    await s.settle();
    expect(await branchSha(s, 'main')).toBe(rebuilt);
    expect(s.repo.pull(pr.number).merged).toBe(true);
    expect(commentsOn(s, pr.number)).not.toMatch(/dequeued|removed from the queue/i);
    s.gh.assertClean({ allow: ['webhook-failed'] });
  });
});
