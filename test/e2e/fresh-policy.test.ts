import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { branchSha, commentsOn, openPull } from './support/pulls.js';

/**
 * What gates a landing is read fresh right before it: a rule tightened while PRs wait applies
 * to them, whether or not the webhook that announces it arrives.
 */
describe('a branch rule tightened while a PR is being tested', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  const lint = {
    name: 'lint',
    outcome: 'failure' as const,
    log: 'src/a.ts:1:1  error  Unexpected var  no-var\n',
  };

  it('branch protection starts requiring a failing check (its webhook lost): the PR does not land', async () => {
    s = await startScenario({
      ci: stagingCi([{ name: 'build' }, { name: 'test' }, lint]),
      requiredChecks: ['build', 'test'],
    });
    const pr = await openPull(s, { files: { 'src/a.ts': 'export var a = 1;\n' } });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    const mainBefore = await branchSha(s, 'main');

    s.gh.deliveries.addChaos({ event: 'branch_protection_rule', effect: { kind: 'drop' } });
    s.repo.protect(
      'main',
      {
        requiredChecks: ['build', 'test', 'lint'],
      },
      'maintainer',
    );
    await s.repo.finishCi();
    await s.settle();

    expect(s.repo.pull(pr.number).merged).toBe(false);
    expect(await branchSha(s, 'main')).toBe(mainBefore);
    // Judged under the new rule: dequeued for the check it now needs, with the gate named.
    expect(commentsOn(s, pr.number)).toMatch(/lint/);
    expect(s.repo.pull(pr.number).labels).not.toContain('merge-queue');
    s.gh.assertClean();
  });

  it('a ruleset starts requiring a failing check: the PR does not land', async () => {
    s = await startScenario({
      ci: stagingCi([{ name: 'build' }, { name: 'test' }, lint]),
      requiredChecks: ['build', 'test'],
    });
    const pr = await openPull(s, { files: { 'src/a.ts': 'export var a = 1;\n' } });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    const mainBefore = await branchSha(s, 'main');

    s.repo.addRuleset({ name: 'lint gate', branches: ['main'], requiredChecks: ['lint'] });
    await s.repo.finishCi();
    await s.settle();

    expect(s.repo.pull(pr.number).merged).toBe(false);
    expect(await branchSha(s, 'main')).toBe(mainBefore);
    // Judged under the new rule: dequeued for the check it now needs, with the gate named.
    expect(commentsOn(s, pr.number)).toMatch(/lint/);
    expect(s.repo.pull(pr.number).labels).not.toContain('merge-queue');
    s.gh.assertClean();
  });
});
