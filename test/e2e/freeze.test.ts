import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { branchSha, openPull, sluiceRun } from './support/pulls.js';

const reason = 'Release 2.4 is being cut';
const running = 'checks:\n  required: [build, test]\n';
const frozen = `${running}queue:\n  freeze:\n    reason: '${reason}'\n`;

/** Someone changes `.github/sluice.yml` on the default branch. */
function pushConfig(s: Scenario, config: string, message: string): Promise<string> {
  return s.repo.push({
    branch: 'main',
    files: { '.github/sluice.yml': config },
    message,
    by: 'maintainer',
  });
}

function sluiceSays(s: Scenario, head: string): string {
  const run = sluiceRun(s, head);
  return `${run?.output.title}\n${run?.output.summary}`;
}

describe('queue.freeze in the config', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('while frozen, a queued PR is told why and nothing is tested; unfrozen, it lands', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'], config: frozen });
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();

    expect(sluiceRun(s, pr.head)).toMatchObject({ status: 'queued' });
    expect(sluiceRun(s, pr.head)?.output.title).toBe(`Merge queue frozen: ${reason}`);
    expect(sluiceSays(s, pr.head)).toContain(`“${reason}”`);
    expect(await branchSha(s, 'sluice/staging/main/1')).toBeUndefined();
    expect(s.repo.pendingCi()).toEqual([]);

    await pushConfig(s, running, 'chore: unfreeze the queue');
    await s.settle();
    const staging = await branchSha(s, 'sluice/staging/main/1');
    expect(staging).toBeDefined();
    expect(sluiceSays(s, pr.head)).not.toContain('frozen');
    await s.repo.finishCi();
    await s.settle();
    expect(s.repo.pull(pr.number).merged).toBe(true);
    expect(await branchSha(s, 'main')).toBe(staging);
    s.gh.assertClean();
  });

  it('a staging under test when the queue freezes finishes testing but lands only once it is unfrozen', async () => {
    // The queue of `release`: freezing it (a push to the default branch) does not move its base.
    s = await startScenario({ ci: stagingCi(), config: running });
    await s.repo.git.createRef('refs/heads/release', (await branchSha(s, 'main'))!);
    const pull = await s.repo.openPullRequest({
      author: 'alice',
      branch: 'fix/release',
      base: 'release',
      title: 'fix: patch the release',
      commits: [{ message: 'patch', files: { 'src/patch.ts': 'export const patch = 1;\n' } }],
    });
    const pr = { number: pull.number, head: pull.pull.headSha };
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    const staging = await branchSha(s, 'sluice/staging/release/1');
    expect(staging).toBeDefined();
    const releaseBefore = await branchSha(s, 'release');

    await pushConfig(s, frozen, 'chore: freeze the queue');
    await s.settle();
    expect(sluiceSays(s, pr.head)).toContain('CI may finish testing this staging');

    await s.repo.finishCi();
    await s.settle();
    expect(await branchSha(s, 'release')).toBe(releaseBefore);
    expect(s.repo.pull(pr.number).merged).toBe(false);
    expect(sluiceRun(s, pr.head)?.output.title).toMatch(
      /all required checks passed; merge queue frozen$/,
    );

    await pushConfig(s, running, 'chore: unfreeze the queue');
    await s.settle();
    expect(await branchSha(s, 'release')).toBe(staging);
    expect(s.repo.pull(pr.number).merged).toBe(true);
    s.gh.assertClean();
  });
});
