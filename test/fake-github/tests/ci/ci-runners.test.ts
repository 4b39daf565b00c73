import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CiKit, keys } from './support/ci-kit.js';
import { advanceClock, ciRunners, scriptCi, setCiRunners } from '../../control/ci-ops.js';
import { listRuns } from '../../control/ci-snapshots.js';
import type { JobScript } from '../../ci/types.js';
import type { RepoState } from '../../world/types.js';

const minute = 60_000;
const ms = (iso: string | null | undefined): number => Date.parse(iso ?? 'missing');

/**
 * A repository's runner pool: at most N jobs run at once, the rest stay queued (job, run and
 * check run) and are picked up oldest first as runners free up, in auto mode on the clock.
 */
describe('CI runners: a per-repository limit on running jobs', () => {
  let kit: CiKit;
  beforeAll(async () => {
    kit = await CiKit.start();
  });
  afterAll(() => kit.close());

  const where = (repo: RepoState) => ({ owner: 'acme', repo: repo.name });
  const now = () => kit.gh.world.clock.now().getTime();
  const advanceTo = (at: number) => advanceClock(kit.gh.services, { ms: at - now() });

  /** Auto mode, one workflow on staging pushes; `runners` undefined keeps the default. */
  async function autoRepo(options: { runners?: number; jobs?: JobScript[] } = {}) {
    const repo = await kit.repo();
    const jobs = options.jobs ?? [{ name: 'build' }];
    const ci = { name: 'CI', file: '.github/workflows/ci.yml', on: { push: ['staging/**'] }, jobs };
    scriptCi(kit.gh.services, { repo, script: { mode: 'auto', workflows: [ci] } });
    if (options.runners !== undefined)
      await setCiRunners(kit.gh.services, { repo, limit: options.runners });
    return repo;
  }

  /** One push per run, 11 s apart (10 s of waiting, and each push ticks the clock a second); the run ids in order. */
  async function pushRuns(repo: RepoState, count: number): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      if (i > 0) await advanceClock(kit.gh.services, { ms: 10_000 });
      const sha = await kit.push(repo, `staging/${i}`, { 'b.txt': `${i}\n` });
      ids.push(listRuns(kit.gh.services, { repo, sha })[0]!.id);
    }
    return ids;
  }

  const restRun = async (repo: RepoState, runId: number) =>
    (await kit.octokit().rest.actions.getWorkflowRun({ ...where(repo), run_id: runId })).data;
  const restJobs = async (repo: RepoState, runId: number) =>
    (await kit.octokit().rest.actions.listJobsForWorkflowRun({ ...where(repo), run_id: runId }))
      .data.jobs;
  const restJob = async (repo: RepoState, runId: number) => (await restJobs(repo, runId))[0]!;

  /** `workflow_job` actions our app received for one run's jobs. */
  const jobEvents = async (repo: RepoState, runId: number) =>
    keys(
      (await kit.deliveries(repo, { app: 'sluice', event: 'workflow_job' })).filter(
        (d) => (d.payload.workflow_job as { run_id: number }).run_id === runId,
      ),
    );

  it('with two runners, a third run stays queued until one finishes, then starts at that moment', async () => {
    const repo = await autoRepo({ runners: 2 });
    const [first, second, third] = (await pushRuns(repo, 3)) as [number, number, number];
    expect((await restRun(repo, third)).status).toBe('queued');
    const queued = await restJob(repo, third);
    expect(queued).toMatchObject({ status: 'queued', runner_name: null });
    const check = await kit.octokit().rest.checks.get({ ...where(repo), check_run_id: queued.id });
    expect(check.data.status).toBe('queued');
    expect(ciRunners(kit.gh.services, { repo })).toMatchObject({ limit: 2, busy: 2, waiting: 1 });

    // Just past the first job's end, well before the second job's.
    await advanceTo(ms((await restJob(repo, first)).started_at) + minute + 1000);
    const done = await restJob(repo, first);
    expect(done.status).toBe('completed');
    expect((await restJob(repo, second)).status).toBe('in_progress');
    const started = await restJob(repo, third);
    expect(started).toMatchObject({ status: 'in_progress', started_at: done.completed_at });
    expect((await restRun(repo, third)).status).toBe('in_progress');
    expect(ciRunners(kit.gh.services, { repo })).toMatchObject({ busy: 2, waiting: 0 });

    await advanceTo(ms(started.started_at) + minute);
    const finished = await restJob(repo, third);
    expect(finished.status).toBe('completed');
    expect(ms(finished.completed_at) - ms(finished.started_at)).toBe(minute);
    expect(await jobEvents(repo, third)).toEqual([
      'workflow_job.queued',
      'workflow_job.in_progress',
      'workflow_job.completed',
    ]);
    expect(ciRunners(kit.gh.services, { repo })).toEqual({
      limit: 2,
      busy: 0,
      waiting: 0,
      runnerMs: 3 * minute,
    });
    kit.gh.assertClean();
  });

  it('cancelling a queued run frees no runner and never starts its job', async () => {
    const repo = await autoRepo({ runners: 2 });
    const [first, , third] = (await pushRuns(repo, 3)) as [number, number, number];
    const cancel = await kit.octokit().rest.actions.cancelWorkflowRun({
      ...where(repo),
      run_id: third,
    });
    expect(cancel.status).toBe(202);
    expect(await restRun(repo, third)).toMatchObject({
      status: 'completed',
      conclusion: 'cancelled',
    });
    expect(await restJob(repo, third)).toMatchObject({
      status: 'completed',
      conclusion: 'cancelled',
    });
    expect(ciRunners(kit.gh.services, { repo })).toMatchObject({ busy: 2, waiting: 0 });

    await advanceTo(ms((await restJob(repo, first)).started_at) + 10 * minute);
    expect(await jobEvents(repo, third)).toEqual(['workflow_job.queued', 'workflow_job.completed']);
    expect(ciRunners(kit.gh.services, { repo })).toMatchObject({ busy: 0, runnerMs: 2 * minute });
    kit.gh.assertClean();
  });

  it('cancelling a running run hands its runner to the oldest queued job at once', async () => {
    const repo = await autoRepo({ runners: 2 });
    const [first, , third] = (await pushRuns(repo, 3)) as [number, number, number];
    await advanceClock(kit.gh.services, { ms: 10_000 });
    const cancelledAt = now();
    await kit.octokit().rest.actions.cancelWorkflowRun({ ...where(repo), run_id: first });

    const stopped = await restJob(repo, first);
    expect(stopped).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
    expect(ms(stopped.completed_at)).toBe(cancelledAt);
    const took = await restJob(repo, third);
    expect(took.status).toBe('in_progress');
    expect(ms(took.started_at)).toBe(cancelledAt);

    await advanceTo(cancelledAt + minute);
    const finished = await restJob(repo, third);
    expect([finished.conclusion, ms(finished.completed_at)]).toEqual([
      'success',
      cancelledAt + minute,
    ]);
    const firstRan = cancelledAt - ms(stopped.started_at);
    expect(ciRunners(kit.gh.services, { repo }).runnerMs).toBe(firstRan + 2 * minute);
    kit.gh.assertClean();
  });

  it('needs chains share the runners first come, first served, all within one clock advance', async () => {
    const repo = await autoRepo({
      runners: 1,
      jobs: [{ name: 'build' }, { name: 'test', needs: ['build'] }],
    });
    const [a, b] = (await pushRuns(repo, 2)) as [number, number];
    await advanceClock(kit.gh.services, { ms: 10 * minute });

    const jobs = [
      ...(await restJobs(repo, a)).map((job) => ({ ...job, run: 'a' })),
      ...(await restJobs(repo, b)).map((job) => ({ ...job, run: 'b' })),
    ].sort((x, y) => ms(x.started_at) - ms(y.started_at));
    // b's build had waited since its push, before a's build finished: it goes before a's test.
    expect(jobs.map((job) => `${job.run}.${job.name}`)).toEqual([
      'a.build',
      'b.build',
      'a.test',
      'b.test',
    ]);
    for (const [i, job] of jobs.entries()) {
      expect(job.conclusion).toBe('success');
      expect(ms(job.completed_at) - ms(job.started_at)).toBe(minute);
      if (i > 0) expect(job.started_at).toBe(jobs[i - 1]!.completed_at);
    }
    // One runner: every job starts only after the one before it finished.
    const runnerEvents = keys(
      await kit.deliveries(repo, { app: 'sluice', event: 'workflow_job' }),
    ).filter((key) => !key.endsWith('.queued'));
    expect(runnerEvents).toEqual(
      jobs.flatMap(() => ['workflow_job.in_progress', 'workflow_job.completed']),
    );
    expect(listRuns(kit.gh.services, { repo }).map((run) => run.conclusion)).toEqual([
      'success',
      'success',
    ]);
    kit.gh.assertClean();
  });

  it('has no limit by default: every ready job runs at once', async () => {
    const repo = await autoRepo();
    const runs = await pushRuns(repo, 3);
    const jobs = await Promise.all(runs.map((runId) => restJob(repo, runId)));
    expect(jobs.map((job) => job.status)).toEqual(['in_progress', 'in_progress', 'in_progress']);
    const ranSoFar = jobs.reduce((sum, job) => sum + now() - ms(job.started_at), 0);
    expect(ciRunners(kit.gh.services, { repo })).toEqual({
      limit: null,
      busy: 3,
      waiting: 0,
      runnerMs: ranSoFar,
    });
    kit.gh.assertClean();
  });
});
