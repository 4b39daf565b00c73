import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CiKit } from './support/ci-kit.js';
import { controlClient } from '../harness/support/control-client.js';
import { advanceClock } from '../../control/ci-ops.js';
import type { RepoHandle } from '../../control/repo-handle.js';
import type { CiScript, JobScript } from '../../ci/types.js';

const minute = 60_000;

/** Sizing the runner pool from a test (in-process and over HTTP), and scripting job durations. */
describe('CI runners from the harness', () => {
  let kit: CiKit;
  beforeAll(async () => {
    kit = await CiKit.start();
  });
  afterAll(() => kit.close());

  const script = (jobs: JobScript[], mode: CiScript['mode'] = 'auto'): CiScript => ({
    mode,
    workflows: [
      { name: 'CI', file: '.github/workflows/ci.yml', on: { push: ['staging/**'] }, jobs },
    ],
  });

  async function handle(jobs: JobScript[], mode?: CiScript['mode']): Promise<RepoHandle> {
    const repo = kit.gh.repo((await kit.repo()).fullName);
    repo.scriptCi(script(jobs, mode));
    return repo;
  }
  const push = (repo: RepoHandle, branch: string, files: Record<string, string> = {}) =>
    kit.push(repo.state, branch, { 'b.txt': `${branch}\n`, ...files });
  const statuses = (repo: RepoHandle) => repo.jobs().map((job) => job.status);

  it('holds every job queued with no runner, and starts the waiting ones as soon as the limit rises', async () => {
    const repo = await handle([{ name: 'build' }, { name: 'lint' }]);
    await repo.setCiRunners(0);
    await push(repo, 'staging/a');
    expect(statuses(repo)).toEqual(['queued', 'queued']);
    expect(repo.runs().map((run) => run.status)).toEqual(['queued']);
    await advanceClock(kit.gh.services, { ms: 5 * minute });
    expect(repo.ciRunners()).toEqual({ limit: 0, busy: 0, waiting: 2, runnerMs: 0 });

    await repo.setCiRunners(1);
    expect(statuses(repo)).toEqual(['in_progress', 'queued']);
    await repo.setCiRunners(null);
    expect(statuses(repo)).toEqual(['in_progress', 'in_progress']);
    await advanceClock(kit.gh.services, { ms: minute });
    expect(repo.ciRunners()).toEqual({ limit: null, busy: 0, waiting: 0, runnerMs: 2 * minute });
    await expect(repo.setCiRunners(-1)).rejects.toThrow(RangeError);
    await expect(repo.setCiRunners(1.5)).rejects.toThrow(RangeError);
    kit.gh.assertClean();
  });

  it('in manual mode, a finished job hands its runner on; finishCi works through the queue', async () => {
    const repo = await handle([{ name: 'build' }, { name: 'test', needs: ['build'] }], 'manual');
    await repo.setCiRunners(1);
    await push(repo, 'staging/a');
    await push(repo, 'staging/b');
    expect(statuses(repo)).toEqual(['in_progress', 'queued', 'queued', 'queued']);
    await advanceClock(kit.gh.services, { ms: minute }); // manual mode: time passes, nothing ends
    await repo.completeCi({ job: 'build' });
    // The second run's build had waited longest: it takes the runner, not the first run's test.
    expect(statuses(repo)).toEqual(['completed', 'queued', 'in_progress', 'queued']);
    await repo.finishCi();
    expect(repo.runs().map((run) => run.conclusion)).toEqual(['success', 'success']);

    await repo.setCiRunners(0);
    await push(repo, 'staging/c');
    await expect(repo.finishCi()).rejects.toThrow(/does not finish \(runner limit 0\)/);
    kit.gh.assertClean();
  });

  it('scripts a duration per commit, and counts the runner time each job took', async () => {
    const repo = await handle([
      {
        name: 'build',
        // A change that touches slow.txt builds for five minutes.
        durationMs: async ({ readFile }) =>
          (await readFile('slow.txt')) === undefined ? minute : 5 * minute,
      },
    ]);
    await repo.setCiRunners(1);
    await push(repo, 'staging/slow', { 'slow.txt': 'slow\n' });
    await push(repo, 'staging/fast');
    await advanceClock(kit.gh.services, { ms: 5 * minute });
    expect(statuses(repo)).toEqual(['completed', 'in_progress']);
    await advanceClock(kit.gh.services, { ms: minute });
    expect(statuses(repo)).toEqual(['completed', 'completed']);
    expect(repo.ciRunners().runnerMs).toBe(6 * minute);
    kit.gh.assertClean();
  });

  it('sizes and reads the pool over the HTTP control plane', async () => {
    const control = controlClient(kit.gh.url);
    const repo = await handle([{ name: 'build' }]);
    await control.call('set-ci-runners', { repo: repo.fullName, limit: 1 });
    await push(repo, 'staging/a');
    await push(repo, 'staging/b');
    expect(await control.call('get-ci-runners', { repo: repo.fullName })).toEqual({
      limit: 1,
      busy: 1,
      waiting: 1,
      runnerMs: 1000, // the push of the second run ticked the clock a second
    });
    const refused = await control.send('set-ci-runners', { repo: repo.fullName, limit: -1 });
    expect(refused.status).toBe(400);
    await control.call('set-ci-runners', { repo: repo.fullName, limit: null });
    expect(statuses(repo)).toEqual(['in_progress', 'in_progress']);
    kit.gh.assertClean();
  });
});
