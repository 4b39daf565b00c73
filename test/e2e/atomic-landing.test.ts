import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { branchSha, commentsOn, openPull } from './support/pulls.js';

/**
 * The moment of landing, told as operators saw it go wrong before landing became one atomic
 * `updateRefs` call (docs/adr/0003-atomic-landing.md).
 */
describe('the landing write', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  /**
   * Runs `act` once, after the app's last read and as its first landing write reaches GitHub —
   * `updateRefs` now, the forced head move of the two-write landing before.
   */
  function beforeLandingWrite(scenario: Scenario, act: () => Promise<void>): void {
    let done = false;
    const once = async () => {
      if (done) return;
      done = true;
      await act();
    };
    scenario.gh.races.add('arrival:graphql-mutation/updateRefs', once);
    scenario.gh.races.add('arrival:git/update-ref', once);
  }

  it('a contributor pushes to the PR while it lands: their commit stays on the branch, nothing is merged', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    const scenario = s;
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    const mainBefore = await branchSha(s, 'main');
    let pushed: string | undefined;
    beforeLandingWrite(s, async () => {
      pushed = await scenario.repo.push({
        branch: scenario.repo.pull(pr.number).head.ref,
        files: { 'src/a.ts': 'export const a = 2; // review fix\n' },
        message: 'fix: address review',
        by: 'alice',
      });
    });

    await s.repo.finishCi();
    await s.settle();

    expect(pushed).toBeDefined();
    // Alice's push is where she left it; nothing of hers was overwritten by the squash.
    expect(s.repo.pull(pr.number).head.sha).toBe(pushed);
    expect(s.repo.pull(pr.number).merged).toBe(false);
    expect(await branchSha(s, 'main')).toBe(mainBefore);
    s.gh.assertClean();
  });

  it('someone pushes to the base just before the landing write: nothing moves, the PR is rebuilt on top and lands', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    const scenario = s;
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    let bobs: string | undefined;
    beforeLandingWrite(s, async () => {
      bobs = await scenario.repo.push({
        branch: 'main',
        files: { 'docs/other.md': 'other work\n' },
        message: 'docs: other work',
        by: 'bob',
      });
    });

    await s.repo.finishCi();
    await s.settle();
    // The head was never moved to a squash that did not land.
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

  it('the app is killed as its landing write reaches GitHub: after a restart the PR is merged once and told once', async () => {
    // The landed comment is opt-in; on here, so that telling once is seen in the conversation.
    s = await startScenario({
      ci: stagingCi(),
      requiredChecks: ['build', 'test'],
      config: 'landing:\n  comment: true\n',
    });
    const scenario = s;
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    const staging = await branchSha(s, 'sluice/staging/main/1');
    beforeLandingWrite(s, () => scenario.app.kill());

    await s.repo.finishCi();
    await s.gh.deliveries.idle.wait();
    s.gh.deliveries.expectFailuresSoFar();
    await s.app.start();
    await s.settle();

    expect(await branchSha(s, 'main')).toBe(staging);
    expect(s.repo.pull(pr.number).merged).toBe(true);
    expect(s.repo.pull(pr.number).head.sha).toBe(staging);
    expect(s.repo.comments(pr.number).filter((c) => /landed|merged/i.test(c.body))).toHaveLength(1);
    s.gh.assertClean({ allow: ['webhook-failed'] });
  });

  it('a check made required on the default branch while PRs wait (its push webhook lost) gates them before they land', async () => {
    const lint = {
      name: 'lint',
      outcome: 'failure' as const,
      log: 'src/a.ts:1:1  error  Unexpected var  no-var\n',
    };
    s = await startScenario({
      ci: stagingCi([{ name: 'build' }, { name: 'test' }, lint]),
      requiredChecks: ['build', 'test'],
    });
    const pr = await openPull(s, { files: { 'src/a.ts': 'export var a = 1;\n' } });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();

    s.gh.deliveries.addChaos({ event: 'push', effect: { kind: 'drop' } });
    await s.repo.push({
      branch: 'main',
      files: { '.github/sluice.yml': 'checks:\n  required: [lint]\n' },
      message: 'ci: require lint before merging',
      by: 'maintainer',
    });
    await s.settle();
    await s.repo.finishCi();
    await s.settle();
    // The first staging is outdated (the base moved); its rebuild is tested under the new rule.
    await s.repo.finishCi();
    await s.settle();

    expect(s.repo.pull(pr.number).merged).toBe(false);
    expect(commentsOn(s, pr.number)).toMatch(/lint/);
    s.gh.assertClean();
  });
});
