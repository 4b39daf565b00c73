import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitHubKit } from './support/github-kit.js';
import { stagedCommit } from './support/staged-commit.js';
import { finishAllCi, postCommitStatus } from '../../fake-github/control/ci-ops.js';
import { listJobs } from '../../fake-github/control/ci-snapshots.js';
import { infraFlake } from '../../fake-github/ci/failures.js';
import type { JobScript } from '../../fake-github/ci/types.js';

describe('reading the checks on a staging commit', () => {
  let kit: GitHubKit;
  beforeAll(async () => {
    kit = await GitHubKit.start();
  });
  afterAll(() => kit.close());

  const staged = (jobs: JobScript[]) => stagedCommit(kit, jobs);

  it('sees the latest run per name after a re-run, statuses by context, and never its own Sluice check', async () => {
    const { repo, sha, runId } = await staged([
      { name: 'build' },
      { name: 'test', ...infraFlake() },
    ]);
    await finishAllCi(kit.services, { repo });
    const port = kit.port(repo);
    expect(await port.rerunFailedJobs(runId)).toEqual({ kind: 'ok' });
    await finishAllCi(kit.services, { repo });
    await postCommitStatus(kit.services, {
      repo,
      sha,
      state: 'pending',
      context: 'ci/external',
      by: 'alice',
    });
    await postCommitStatus(kit.services, {
      repo,
      sha,
      state: 'error',
      context: 'ci/external',
      by: 'alice',
    });
    await port.writeCheckRun({
      name: 'Sluice',
      headSha: sha,
      status: 'in_progress',
      output: { title: 'Testing', summary: '1st in queue' },
    });
    const checks = await port.checksOn(sha);
    const rerunTest = listJobs(kit.services, { repo, name: 'test' }).at(-1)!;
    expect(checks.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      {
        name: 'build',
        source: 'check-run',
        state: 'completed',
        conclusion: 'success',
        url: expect.any(String),
        checkRunId: expect.any(Number),
      },
      {
        name: 'ci/external',
        source: 'status',
        state: 'completed',
        conclusion: 'failure',
        url: null,
      },
      {
        name: 'test',
        source: 'check-run',
        state: 'completed',
        conclusion: 'success',
        url: expect.any(String),
        checkRunId: rerunTest.id,
      },
    ]);
    kit.gh.assertClean();
  });

  it('reports runs still going as pending', async () => {
    const { repo, sha } = await staged([{ name: 'build' }]);
    await postCommitStatus(kit.services, {
      repo,
      sha,
      state: 'pending',
      context: 'ci/external',
      by: 'alice',
    });
    const checks = await kit.port(repo).checksOn(sha);
    expect(checks.map((c) => [c.name, c.state, c.conclusion])).toEqual([
      ['build', 'pending', null],
      ['ci/external', 'pending', null],
    ]);
    kit.gh.assertClean();
  });
});
