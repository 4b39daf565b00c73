import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { landOnePullRequest } from './support/flows.js';
import { branchSha, openPull, sluiceRun } from './support/pulls.js';

const orgFile = 'acme/.github:.github/sluice.yml';

/** Settings no repository would reach by accident: a label and a subject of their own. */
const orgConfig =
  "queue:\n  label: ship-it\nmergeMessage:\n  subject: '[org] {title} (#{number})'\n";

/**
 * The owner's `.github` repository, holding the org-wide `.github/sluice.yml`. The app read
 * the repositories' config while starting (it lists the installation's repositories), when
 * there was no org-wide file yet, and keeps what it read for ten minutes: a restart reads
 * afresh, as the running app would ten minutes later.
 */
async function publishOrgConfig(s: Scenario, config: string): Promise<void> {
  await s.gh.createRepo({
    fullName: 'acme/.github',
    ownerType: 'Organization',
    files: { 'profile/README.md': '# Acme\n', '.github/sluice.yml': config },
  });
  await s.restartApp();
}

/**
 * Probot's `context.config()`: a repository without `.github/sluice.yml` takes the one in
 * its owner's `.github` repository; one with a file of its own ignores it.
 */
describe("the org-wide config in the owner's .github repository", () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('applies to a repository without its own: its label queues, its subject lands', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    await publishOrgConfig(s, orgConfig);
    const pr = await openPull(s, {
      title: 'feat: add widgets',
      files: { 'src/widgets.ts': 'export const widgets = 1;\n' },
    });
    await s.repo.label(pr.number, 'ship-it', 'maintainer');
    await s.settle();
    const staging = await branchSha(s, 'sluice/staging/main/1');
    expect(staging).toBeDefined();

    await s.repo.finishCi();
    await s.settle();
    expect(await branchSha(s, 'main')).toBe(staging);
    const landed = await s.repo.git.readCommit(staging!);
    expect(landed?.message.split('\n')[0]).toBe(`[org] feat: add widgets (#${pr.number})`);
    expect(s.repo.pull(pr.number)).toMatchObject({ merged: true });
    s.gh.assertClean();
  });

  it('is ignored by a repository with a file of its own', async () => {
    s = await startScenario({
      ci: stagingCi(),
      requiredChecks: ['build', 'test'],
      config: '# The defaults, whatever the organisation says.\n',
    });
    await publishOrgConfig(s, orgConfig);
    // `merge-queue` and `{title} (#{number})`: the defaults, not the org-wide settings.
    await landOnePullRequest(s);
  });

  it('names its own file when it is broken, on the queued pull request', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    await publishOrgConfig(s, 'queue:\n  label: merge-queue\nlanding:\n  strategy: squash\n');
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();

    expect(await branchSha(s, 'sluice/staging/main/1')).toBeUndefined();
    const run = sluiceRun(s, pr.head);
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(run?.output.title).toBe(`Invalid ${orgFile} (1 problem)`);
    expect(run?.output.text).toContain(
      `### \`${orgFile}\`\n\n1. **Line 4, column 13:** \`landing.strategy\` must be one of`,
    );
    s.gh.assertClean();
  });

  it('is named on the `Sluice config` check of a pull request that adds a file of its own', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    await publishOrgConfig(s, orgConfig);
    const pr = await openPull(s, {
      files: { '.github/sluice.yml': 'queue:\n  requiredApprovals: 1\n' },
    });
    await s.settle();
    const run = s.repo.checkRuns(pr.head).find((c) => c.name === 'Sluice config');
    expect(run).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(run?.output.summary).toBe(
      'Once merged to the default branch, Sluice uses it for every queue of this repository. ' +
        `Until then the org-wide \`${orgFile}\` applies here. This file replaces it: to keep ` +
        'the org-wide settings and change only some, add `_extends: .github`.',
    );
    s.gh.assertClean();
  });
});
