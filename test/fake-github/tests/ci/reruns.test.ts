import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CiKit, keys } from './support/ci-kit.js';
import { completeCi, finishAllCi, scriptCi, setJobOutcome } from '../../control/ci-ops.js';
import { listJobs, listRuns } from '../../control/ci-snapshots.js';
import { infraFlake } from '../../ci/failures.js';
import type { JobScript } from '../../ci/types.js';
import type { RepoState } from '../../world/types.js';

describe('re-running and cancelling workflow runs', () => {
  let kit: CiKit;
  beforeAll(async () => {
    kit = await CiKit.start();
  });
  afterAll(() => kit.close());

  const where = (repo: RepoState) => ({ owner: 'acme', repo: repo.name });
  const message = async (promise: Promise<unknown>) =>
    (await promise.catch((e: unknown) => e)) as {
      status: number;
      response: { data: { message: string } };
    };

  /** build passes; test is an infra flake (fails on attempt 1 only); deploy needs test. */
  async function flakyRun(
    jobs: JobScript[] = [
      { name: 'build' },
      { name: 'test', ...infraFlake() },
      { name: 'deploy', needs: ['test'] },
    ],
  ) {
    const repo = await kit.repo();
    scriptCi(kit.gh.services, {
      repo,
      script: {
        workflows: [
          {
            name: 'CI',
            file: '.github/workflows/ci.yml',
            on: { push: ['sluice/staging/**'] },
            jobs,
          },
        ],
      },
    });
    const sha = await kit.push(repo, 'sluice/staging/main', { 'b.txt': 'b\n' });
    const runId = listRuns(kit.gh.services, { repo })[0]!.id;
    return { repo, sha, runId };
  }

  it('re-runs failed jobs and their dependents with new ids in attempt 2; passed jobs carry over', async () => {
    const { repo, sha, runId } = await flakyRun();
    await finishAllCi(kit.gh.services, { repo });
    const first = Object.fromEntries(listJobs(kit.gh.services, { repo }).map((j) => [j.name, j]));
    expect([first.build?.conclusion, first.test?.conclusion, first.deploy?.conclusion]).toEqual([
      'success',
      'failure',
      'skipped',
    ]);

    const app = kit.octokit();
    const rerun = await app.rest.actions.reRunWorkflowFailedJobs({ ...where(repo), run_id: runId });
    expect([rerun.status, rerun.data]).toEqual([201, {}]);
    const { data: run } = await app.rest.actions.getWorkflowRun({ ...where(repo), run_id: runId });
    expect(run).toMatchObject({
      id: runId,
      run_attempt: 2,
      status: 'in_progress',
      conclusion: null,
      previous_attempt_url: `${kit.gh.apiUrl}/repos/${repo.fullName}/actions/runs/${runId}/attempts/1`,
    });

    const latest = (
      await app.rest.actions.listJobsForWorkflowRun({ ...where(repo), run_id: runId })
    ).data.jobs;
    expect(latest.map((j) => [j.name, j.run_attempt])).toEqual([
      ['build', 1],
      ['test', 2],
      ['deploy', 2],
    ]);
    expect(latest[0]?.id).toBe(first.build?.id);
    expect(latest[1]?.id).not.toBe(first.test?.id);
    expect(latest[2]?.id).not.toBe(first.deploy?.id);

    await finishAllCi(kit.gh.services, { repo });
    expect(listRuns(kit.gh.services, { repo })).toMatchObject([
      { attempt: 2, status: 'completed', conclusion: 'success' },
    ]);
    const checks = (await app.rest.checks.listForRef({ ...where(repo), ref: sha })).data.check_runs;
    expect(checks.map((c) => [c.name, c.conclusion]).sort()).toEqual([
      ['build', 'success'],
      ['deploy', 'success'],
      ['test', 'success'],
    ]);
    expect(checks.find((c) => c.name === 'test')?.id).toBe(latest[1]?.id);
    expect(
      (await app.rest.checks.listForRef({ ...where(repo), ref: sha, filter: 'all' })).data
        .total_count,
    ).toBe(5);

    const attempt1 = (
      await app.rest.actions.listJobsForWorkflowRunAttempt({
        ...where(repo),
        run_id: runId,
        attempt_number: 1,
      })
    ).data.jobs;
    expect(attempt1.map((j) => j.id)).toEqual([first.build?.id, first.test?.id, first.deploy?.id]);
    expect(
      (
        await app.rest.actions.listJobsForWorkflowRun({
          ...where(repo),
          run_id: runId,
          filter: 'all',
        })
      ).data.total_count,
    ).toBe(5);
    await expect(
      app.rest.actions.listJobsForWorkflowRunAttempt({
        ...where(repo),
        run_id: runId,
        attempt_number: 3,
      }),
    ).rejects.toMatchObject({ status: 404 });

    const done = keys(await kit.deliveries(repo, { app: 'sluice' })).filter(
      (k) =>
        k.endsWith('.completed') && !k.startsWith('workflow_job') && !k.startsWith('check_run'),
    );
    expect(done).toEqual([
      'check_suite.completed',
      'workflow_run.completed',
      'check_suite.completed',
      'workflow_run.completed',
    ]);
    const suites = await kit.deliveries(repo, { app: 'sluice', event: 'check_suite' });
    expect(suites).toMatchObject([
      { payload: { check_suite: { conclusion: 'failure' } } },
      { payload: { check_suite: { conclusion: 'success' } } },
    ]);
    kit.gh.assertClean();
  });

  it('refuses to re-run a run that is still in progress with 403', async () => {
    const { repo, runId } = await flakyRun();
    const app = kit.octokit();
    const failed = await message(
      app.rest.actions.reRunWorkflowFailedJobs({ ...where(repo), run_id: runId }),
    );
    expect([failed.status, failed.response.data.message]).toEqual([
      403,
      'This workflow is already running',
    ]);
    await expect(
      app.rest.actions.reRunWorkflow({ ...where(repo), run_id: runId }),
    ).rejects.toMatchObject({ status: 403 });
    expect(listRuns(kit.gh.services, { repo })).toMatchObject([
      { attempt: 1, status: 'in_progress' },
    ]);
    kit.gh.assertClean();
  });

  it('cancels a run: running jobs stop mid-step, queued ones never start, the run concludes cancelled', async () => {
    const { repo, runId } = await flakyRun([{ name: 'build' }, { name: 'test', needs: ['build'] }]);
    const app = kit.octokit();
    const cancel = await app.rest.actions.cancelWorkflowRun({ ...where(repo), run_id: runId });
    expect([cancel.status, cancel.data]).toEqual([202, {}]);
    expect(listJobs(kit.gh.services, { repo }).map((j) => [j.name, j.conclusion])).toEqual([
      ['build', 'cancelled'],
      ['test', 'cancelled'],
    ]);
    const { data: run } = await app.rest.actions.getWorkflowRun({ ...where(repo), run_id: runId });
    expect([run.status, run.conclusion]).toEqual(['completed', 'cancelled']);
    const again = await message(
      app.rest.actions.cancelWorkflowRun({ ...where(repo), run_id: runId }),
    );
    expect(again.status).toBe(409);
    kit.gh.assertClean();
  });

  it('re-runs one job with the jobs that need it, or the whole workflow, always under the same run id', async () => {
    const { repo, runId } = await flakyRun([
      { name: 'build' },
      { name: 'test', needs: ['build'] },
      { name: 'lint' },
    ]);
    await finishAllCi(kit.gh.services, { repo });
    const app = kit.octokit();
    const build = listJobs(kit.gh.services, { repo, name: 'build' })[0]!;
    expect(
      (await app.rest.actions.reRunJobForWorkflowRun({ ...where(repo), job_id: build.id })).status,
    ).toBe(201);
    const second = (
      await app.rest.actions.listJobsForWorkflowRun({ ...where(repo), run_id: runId })
    ).data.jobs;
    expect(second.map((j) => [j.name, j.run_attempt])).toEqual([
      ['build', 2],
      ['test', 2],
      ['lint', 1],
    ]);
    await finishAllCi(kit.gh.services, { repo });
    expect((await app.rest.actions.reRunWorkflow({ ...where(repo), run_id: runId })).status).toBe(
      201,
    );
    const third = (await app.rest.actions.listJobsForWorkflowRun({ ...where(repo), run_id: runId }))
      .data.jobs;
    expect(third.map((j) => j.run_attempt)).toEqual([3, 3, 3]);
    expect(listRuns(kit.gh.services, { repo }).map((r) => [r.id, r.attempt])).toEqual([[runId, 3]]);
    kit.gh.assertClean();
  });

  it("re-runs an Actions job when its check run is rerequested, without telling our app 'rerequested'", async () => {
    const { repo, runId } = await flakyRun();
    await finishAllCi(kit.gh.services, { repo });
    const test = listJobs(kit.gh.services, { repo, name: 'test' })[0]!;
    expect(
      (await kit.octokit().rest.checks.rerequestRun({ ...where(repo), check_run_id: test.id }))
        .status,
    ).toBe(201);
    expect(listRuns(kit.gh.services, { repo })).toMatchObject([
      { id: runId, attempt: 2, status: 'in_progress' },
    ]);
    expect(await kit.deliveries(repo, { action: 'rerequested' })).toEqual([]);
    kit.gh.assertClean();
  });

  it('lets the test change a job outcome on the fly', async () => {
    const { repo } = await flakyRun([{ name: 'build', outcome: 'failure' }]);
    setJobOutcome(kit.gh.services, {
      repo,
      job: 'build',
      outcome: ({ attempt }) => (attempt === 1 ? 'timed_out' : 'success'),
    });
    await completeCi(kit.gh.services, { repo, job: 'build' });
    expect(listJobs(kit.gh.services, { repo })[0]?.conclusion).toBe('timed_out');
    expect(listRuns(kit.gh.services, { repo })[0]?.conclusion).toBe('timed_out');
    kit.gh.assertClean();
  });
});
