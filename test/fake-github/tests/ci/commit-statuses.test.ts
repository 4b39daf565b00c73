import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CiKit, keys } from './support/ci-kit.js';
import {
  advanceClock,
  finishAllCi,
  pendingCi,
  postCommitStatus,
  scriptCi,
} from '../../control/ci-ops.js';
import type { RepoState } from '../../world/types.js';

describe('commit statuses behave as on GitHub', () => {
  let kit: CiKit;
  beforeAll(async () => {
    kit = await CiKit.start();
  });
  afterAll(() => kit.close());

  const where = (repo: RepoState) => ({ owner: 'acme', repo: repo.name });
  const headOf = async (repo: RepoState) => (await repo.git.resolveRef('refs/heads/main'))!;
  const combined = async (repo: RepoState, ref: string) =>
    (await kit.octokit().rest.repos.getCombinedStatusForRef({ ...where(repo), ref })).data;

  it('combines to pending when there is no status at all', async () => {
    const repo = await kit.repo();
    const status = await combined(repo, 'main');
    expect(status).toMatchObject({
      state: 'pending',
      total_count: 0,
      statuses: [],
      sha: await headOf(repo),
    });
    kit.gh.assertClean();
  });

  it('counts only the latest status per context: failure wins, then pending, else success', async () => {
    const repo = await kit.repo();
    const sha = await headOf(repo);
    const app = kit.octokit();
    const post = (context: string, state: 'pending' | 'success' | 'failure' | 'error') =>
      app.rest.repos.createCommitStatus({ ...where(repo), sha, context, state });
    await post('ci/build', 'pending');
    await post('ci/test', 'success');
    expect((await combined(repo, sha)).state).toBe('pending');
    await post('ci/build', 'success');
    expect((await combined(repo, sha)).state).toBe('success');
    await post('ci/test', 'error');
    const failing = await combined(repo, 'main');
    expect(failing.state).toBe('failure');
    expect(failing.statuses.map((s) => `${s.context}=${s.state}`).sort()).toEqual([
      'ci/build=success',
      'ci/test=error',
    ]);
    const { data: all } = await app.rest.repos.listCommitStatusesForRef({
      ...where(repo),
      ref: sha,
    });
    expect(all.map((s) => `${s.context}=${s.state}`)).toEqual([
      'ci/test=error',
      'ci/build=success',
      'ci/test=success',
      'ci/build=pending',
    ]);
    expect(all[0]?.creator?.login).toBe('sluice[bot]');
    kit.gh.assertClean();
  });

  it('sends a status webhook with the commit and the branches that contain it', async () => {
    const repo = await kit.repo();
    const sha = await headOf(repo);
    await postCommitStatus(kit.gh.services, {
      repo,
      sha,
      state: 'failure',
      context: 'jenkins',
      description: 'red',
      by: 'alice',
    });
    const [event] = await kit.deliveries(repo, { app: 'sluice', event: 'status' });
    expect(event?.payload).toMatchObject({
      sha,
      state: 'failure',
      context: 'jenkins',
      description: 'red',
      commit: { sha },
      sender: { login: 'alice' },
    });
    expect(event?.payload.branches).toEqual([
      { name: 'main', commit: { sha, url: expect.any(String) }, protected: false },
    ]);
    kit.gh.assertClean();
  });

  it('runs commit-status CI: pending at once, the final state when the test finishes it', async () => {
    const repo = await kit.repo();
    scriptCi(kit.gh.services, {
      repo,
      script: {
        statuses: [
          { context: 'ci/legacy', state: ({ sha }) => (sha.startsWith('0') ? 'error' : 'success') },
        ],
      },
    });
    const sha = await kit.push(repo, 'feature/x', { 'b.txt': 'b\n' });
    expect((await combined(repo, sha)).statuses.map((s) => s.state)).toEqual(['pending']);
    expect(pendingCi(kit.gh.services, { repo })).toEqual([
      { kind: 'status', context: 'ci/legacy', sha },
    ]);
    await finishAllCi(kit.gh.services, { repo });
    expect((await combined(repo, sha)).state).toBe(sha.startsWith('0') ? 'failure' : 'success');
    expect(keys(await kit.deliveries(repo, { app: 'sluice', event: 'status' }))).toEqual([
      'status',
      'status',
    ]);
    kit.gh.assertClean();
  });

  it('finishes commit-status CI on the virtual clock in auto mode', async () => {
    const repo = await kit.repo();
    scriptCi(kit.gh.services, {
      repo,
      script: {
        mode: 'auto',
        statuses: [{ context: 'ci/slow', state: 'failure', afterMs: 120_000 }],
      },
    });
    const sha = await kit.push(repo, 'main', { 'c.txt': 'c\n' });
    await advanceClock(kit.gh.services, { ms: 60_000 });
    expect((await combined(repo, sha)).state).toBe('pending');
    await advanceClock(kit.gh.services, { ms: 60_000 });
    expect((await combined(repo, sha)).state).toBe('failure');
    expect(pendingCi(kit.gh.services, { repo })).toEqual([]);
    kit.gh.assertClean();
  });
});
