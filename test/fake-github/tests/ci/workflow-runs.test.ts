import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CiKit, keys } from './support/ci-kit.js';
import { advanceClock, completeCi, pendingCi, scriptCi, stepCi } from '../../control/ci-ops.js';
import { listJobs, listRuns } from '../../control/ci-snapshots.js';
import type { JobScript, WorkflowScript } from '../../ci/types.js';
import type { RepoState } from '../../world/types.js';
import { zeroSha } from '../../events/ref-hub.js';

const ci = (
  jobs: JobScript[],
  on: WorkflowScript['on'] = { push: ['sluice/staging/**', 'main'] },
): WorkflowScript => ({
  name: 'CI',
  file: '.github/workflows/ci.yml',
  on,
  jobs,
});

describe('scripted GitHub Actions runs workflows on pushes', () => {
  let kit: CiKit;
  beforeAll(async () => {
    kit = await CiKit.start();
  });
  afterAll(() => kit.close());

  const where = (repo: RepoState) => ({ owner: 'acme', repo: repo.name });
  const jobStates = (repo: RepoState) =>
    listJobs(kit.gh.services, { repo }).map((j) => `${j.name}:${j.status}:${j.conclusion ?? '-'}`);

  it('runs a matching workflow on a staging push; in manual mode jobs wait for the test', async () => {
    const repo = await kit.repo();
    scriptCi(kit.gh.services, {
      repo,
      script: { workflows: [ci([{ name: 'build' }, { name: 'test', needs: ['build'] }])] },
    });
    const sha = await kit.push(repo, 'sluice/staging/main', { 'b.txt': 'b\n' });
    const app = kit.octokit();
    const { data: runs } = await app.rest.actions.listWorkflowRunsForRepo({
      ...where(repo),
      head_sha: sha,
    });
    expect(runs.workflow_runs).toHaveLength(1);
    const run = runs.workflow_runs[0]!;
    expect(run).toMatchObject({
      name: 'CI',
      path: '.github/workflows/ci.yml',
      event: 'push',
      head_branch: 'sluice/staging/main',
      run_number: 1,
      run_attempt: 1,
      status: 'in_progress',
    });
    expect(jobStates(repo)).toEqual(['build:in_progress:-', 'test:queued:-']);

    const { data: jobs } = await app.rest.actions.listJobsForWorkflowRun({
      ...where(repo),
      run_id: run.id,
    });
    const build = jobs.jobs.find((j) => j.name === 'build')!;
    const { data: check } = await app.rest.checks.get({ ...where(repo), check_run_id: build.id });
    expect(check).toMatchObject({
      id: build.id,
      name: 'build',
      status: 'in_progress',
      app: { id: 15368, slug: 'github-actions' },
      check_suite: { id: run.check_suite_id },
    });
    expect(check.details_url).toBe(
      `${kit.gh.url}/${repo.fullName}/actions/runs/${run.id}/job/${build.id}`,
    );
    expect(check.html_url).toBe(check.details_url);

    await completeCi(kit.gh.services, { repo, job: 'build' });
    expect(jobStates(repo)).toEqual(['build:completed:success', 'test:in_progress:-']);
    await completeCi(kit.gh.services, { repo, job: 'test', outcome: 'failure' });
    expect(listRuns(kit.gh.services, { repo })).toMatchObject([
      { status: 'completed', conclusion: 'failure', attempt: 1 },
    ]);

    const workflowEvents = keys(await kit.deliveries(repo, { app: 'sluice' })).filter((k) =>
      k.startsWith('workflow_'),
    );
    expect(workflowEvents).toEqual([
      'workflow_run.requested',
      'workflow_job.queued',
      'workflow_job.queued',
      'workflow_run.in_progress',
      'workflow_job.in_progress',
      'workflow_job.completed',
      'workflow_job.in_progress',
      'workflow_job.completed',
      'workflow_run.completed',
    ]);
    const completed = await kit.deliveries(repo, {
      app: 'sluice',
      event: 'check_run',
      action: 'completed',
    });
    const actionsRun = (name: string, conclusion: string) => ({
      payload: { check_run: { name, conclusion, app: { id: 15368 } } },
    });
    expect(completed).toMatchObject([
      actionsRun('build', 'success'),
      actionsRun('test', 'failure'),
    ]);
    const suite = await kit.deliveries(repo, {
      app: 'sluice',
      event: 'check_suite',
      action: 'completed',
    });
    expect(suite).toMatchObject([
      {
        payload: {
          check_suite: {
            id: run.check_suite_id,
            conclusion: 'failure',
            app: { slug: 'github-actions' },
          },
        },
      },
    ]);
    kit.gh.assertClean();
  });

  it('starts nothing for a branch outside the push filters, nor for a deleted branch', async () => {
    const repo = await kit.repo();
    scriptCi(kit.gh.services, {
      repo,
      script: {
        workflows: [
          ci([{ name: 'build' }], { push: ['sluice/staging/**', '!sluice/staging/skip'] }),
        ],
      },
    });
    await kit.push(repo, 'feature/x', { 'b.txt': 'b\n' });
    await kit.push(repo, 'sluice/staging/skip', { 'b.txt': 'b\n' });
    expect(listRuns(kit.gh.services, { repo })).toEqual([]);
    const sha = await kit.push(repo, 'sluice/staging/main', { 'b.txt': 'b\n' });
    const deletion = { ref: 'refs/heads/sluice/staging/main', before: sha, after: zeroSha };
    await kit.gh.refs.refsChanged({
      repo,
      changes: [deletion],
      pusher: kit.gh.world.account('alice'),
    });
    expect(listRuns(kit.gh.services, { repo }).map((r) => r.sha)).toEqual([sha]);
    kit.gh.assertClean();
  });

  it('skips the jobs whose needs did not succeed, and the run fails', async () => {
    const repo = await kit.repo();
    scriptCi(kit.gh.services, {
      repo,
      script: {
        workflows: [
          ci([
            { name: 'build', outcome: 'failure' },
            { name: 'test', needs: ['build'] },
            { name: 'lint' },
          ]),
        ],
      },
    });
    await kit.push(repo, 'main', { 'b.txt': 'b\n' });
    expect(await stepCi(kit.gh.services, { repo })).toMatchObject({
      script: { name: 'build' },
      conclusion: 'failure',
    });
    expect(jobStates(repo)).toEqual([
      'build:completed:failure',
      'test:completed:skipped',
      'lint:in_progress:-',
    ]);
    expect(pendingCi(kit.gh.services, { repo })).toMatchObject([
      { kind: 'job', job: 'lint', status: 'in_progress' },
    ]);
    await completeCi(kit.gh.services, { repo });
    expect(listRuns(kit.gh.services, { repo })).toMatchObject([{ conclusion: 'failure' }]);
    kit.gh.assertClean();
  });

  it('finishes jobs on the virtual clock in auto mode, a needing job one duration after its need', async () => {
    const repo = await kit.repo();
    const jobs = [
      { name: 'build', durationMs: 60_000 },
      { name: 'test', needs: ['build'], durationMs: 30_000 },
    ];
    scriptCi(kit.gh.services, { repo, script: { mode: 'auto', workflows: [ci(jobs)] } });
    const started = kit.gh.world.clock.now().getTime();
    const sha = await kit.push(repo, 'sluice/staging/main', { 'b.txt': 'b\n' });
    await advanceClock(kit.gh.services, { ms: 59_000 });
    expect(jobStates(repo)).toEqual(['build:in_progress:-', 'test:queued:-']);
    await advanceClock(kit.gh.services, { ms: 60_000 });
    expect(jobStates(repo)).toEqual(['build:completed:success', 'test:completed:success']);
    const { data } = await kit.octokit().rest.actions.listJobsForWorkflowRun({
      ...where(repo),
      run_id: listRuns(kit.gh.services, { repo, sha })[0]!.id,
    });
    const test = data.jobs.find((j) => j.name === 'test')!;
    // The push took the clock one tick forward; the jobs then ran back to back.
    expect(Date.parse(test.completed_at!) - started).toBe(1_000 + 90_000);
    await kit.gh.settle();
    kit.gh.assertClean();
  });

  it('lets outcomes read the tested tree, so a semantic conflict fails only where it exists', async () => {
    const repo = await kit.repo();
    const test: JobScript = {
      name: 'test',
      outcome: async ({ readFile }) =>
        (await readFile('src/a.ts'))?.includes('= 2') ? 'failure' : 'success',
    };
    scriptCi(kit.gh.services, { repo, script: { workflows: [ci([test])] } });
    const good = await kit.push(repo, 'sluice/staging/main', { 'b.txt': 'b\n' });
    const bad = await kit.push(repo, 'sluice/staging/main', {
      'src/a.ts': 'export const a = 2;\n',
    });
    await completeCi(kit.gh.services, { repo });
    expect(
      listRuns(kit.gh.services, { repo }).map((r) => [r.sha, r.runNumber, r.conclusion]),
    ).toEqual([
      [good, 1, 'success'],
      [bad, 2, 'failure'],
    ]);
    kit.gh.assertClean();
  });

  it("refuses our app's update of an Actions check run", async () => {
    const repo = await kit.repo();
    scriptCi(kit.gh.services, { repo, script: { workflows: [ci([{ name: 'build' }])] } });
    await kit.push(repo, 'main', { 'b.txt': 'b\n' });
    const [job] = listJobs(kit.gh.services, { repo });
    const refused = kit
      .octokit()
      .rest.checks.update({ ...where(repo), check_run_id: job!.id, conclusion: 'success' });
    await expect(refused).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Invalid app_id `15368`'),
    });
    kit.gh.assertClean();
  });
});
