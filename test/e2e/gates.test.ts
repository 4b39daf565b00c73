import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { branchSha, commentsOn, openPull, sluiceRun } from './support/pulls.js';
import { fmtFailure, infraFlake, testFailure } from '../fake-github/ci/failures.js';

const reruns = (s: Scenario) =>
  s.gh.world.requests.filter((r) => r.operationId === 'actions/re-run-workflow-failed-jobs');

describe('gate classification in the queue', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('re-runs only the failed jobs of an infra flake, and lands when they pass', async () => {
    s = await startScenario({
      ci: stagingCi([{ name: 'build' }, { name: 'test', ...infraFlake() }]),
      requiredChecks: ['build', 'test'],
    });
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    const staging = await branchSha(s, 'sluice/staging/main/1');
    await s.repo.finishCi();
    await s.settle();

    expect(reruns(s)).toHaveLength(1);
    expect(s.repo.runs(staging).map((r) => r.attempt)).toEqual([2]);
    await s.repo.finishCi();
    await s.settle();
    expect(await branchSha(s, 'main')).toBe(staging);
    expect(s.repo.pull(pr.number).merged).toBe(true);
    expect(s.repo.labels(pr.number)).not.toContain('sluice:infra');
    s.gh.assertClean();
  });

  it.each([
    ['cargo fmt', 'cargo fmt'],
    ['prettier', 'npx prettier --write .'],
  ] as const)(
    'dequeues a %s failure with sluice:fmt, the evidence and the fix',
    async (tool, fix) => {
      s = await startScenario({
        ci: stagingCi([{ name: 'build' }, { name: 'format', ...fmtFailure(tool) }]),
        requiredChecks: ['build', 'format'],
      });
      const pr = await openPull(s, {
        files: { 'src/lib.rs': 'pub fn add(a:i32,b:i32)->i32{a+b}\n' },
      });
      await s.repo.label(pr.number, 'merge-queue', 'maintainer');
      await s.settle();
      await s.repo.finishCi();
      await s.settle();

      expect(reruns(s)).toEqual([]);
      expect(s.repo.labels(pr.number)).toEqual(['sluice:fmt']);
      const said = commentsOn(s, pr.number);
      expect(said).toContain('fmt');
      expect(said).toContain(fix);
      const run = sluiceRun(s, pr.head);
      expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
      expect(`${run?.output.summary}\n${run?.output.text}`).toContain(fix);
      s.gh.assertClean();
    },
  );

  it('calls a failing test a test failure even when its message quotes `Diff in `', async () => {
    const message =
      'expect(received).toBe(expected)\n\nDiff in src/lib.rs at line 3:\n-pub fn add(a:i32,b:i32)->i32{a+b}\n+pub fn add(a: i32, b: i32) -> i32 {';
    s = await startScenario({
      ci: stagingCi([
        { name: 'build' },
        { name: 'test', ...testFailure('renders the diff', message) },
      ]),
      requiredChecks: ['build', 'test'],
    });
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    await s.repo.finishCi();
    await s.settle();

    expect(s.repo.labels(pr.number)).toEqual(['sluice:test']);
    expect(commentsOn(s, pr.number)).not.toContain('cargo fmt');
    s.gh.assertClean();
  });

  it('blocks a PR that fails three times in a row at the same head', async () => {
    s = await startScenario({
      ci: stagingCi([
        { name: 'build' },
        { name: 'test', ...testFailure('adds', 'expected 2, got 3') },
      ]),
      requiredChecks: ['build', 'test'],
    });
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 3;\n' } });
    for (let attempt = 1; attempt <= 3; attempt++) {
      await s.repo.label(pr.number, 'merge-queue', 'maintainer');
      await s.settle();
      await s.repo.finishCi();
      await s.settle();
      expect(s.repo.labels(pr.number)).not.toContain('merge-queue');
    }
    expect(s.repo.labels(pr.number)).toEqual(
      expect.arrayContaining(['sluice:test', 'sluice:blocked']),
    );
    expect(commentsOn(s, pr.number)).toMatch(/\/sluice retry/);

    // Labeling again is refused while the head is the same; a maintainer's retry goes through.
    await s.repo.label(pr.number, 'merge-queue', 'maintainer');
    await s.settle();
    expect(await branchSha(s, 'sluice/staging/main/1')).toBeUndefined();
    s.repo.comment(pr.number, '/sluice retry', 'maintainer');
    await s.settle();
    expect(await branchSha(s, 'sluice/staging/main/1')).toBeDefined();
    s.gh.assertClean();
  });
});
