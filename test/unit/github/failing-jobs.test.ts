import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitHubKit } from './support/github-kit.js';
import { stagedCommit } from './support/staged-commit.js';
import { finishAllCi } from '../../fake-github/control/ci-ops.js';
import { listJobs, readJobLog } from '../../fake-github/control/ci-snapshots.js';
import { testFailure } from '../../fake-github/ci/failures.js';
import type { JobScript } from '../../fake-github/ci/types.js';

describe('what failed on a staging commit: jobs, logs, re-runs', () => {
  let kit: GitHubKit;
  beforeAll(async () => {
    kit = await GitHubKit.start();
  });
  afterAll(() => kit.close());

  const staged = (jobs: JobScript[]) => stagedCommit(kit, jobs);

  it('describes a failing check with its Actions job, steps, run, annotations and output', async () => {
    const { repo, sha, runId } = await staged([
      { name: 'build' },
      {
        name: 'test',
        steps: [
          { run: 'npm ci' },
          { name: 'Unit tests', run: 'npm test', ...testFailure('adds', 'Expected: 2') },
        ],
        annotations: [
          {
            path: 'src/a.ts',
            start_line: 3,
            end_line: 3,
            annotation_level: 'failure',
            message: 'Expected: 2',
          },
        ],
      } as JobScript,
    ]);
    await finishAllCi(kit.services, { repo });
    const [failing, ...others] = await kit.port(repo).failingJobs(sha, ['build', 'test']);
    expect(others).toEqual([]);
    const job = listJobs(kit.services, { repo, name: 'test' })[0]!;
    expect(failing).toMatchObject({
      checkRunId: job.id,
      checkName: 'test',
      conclusion: 'failure',
      runId,
      jobName: 'test',
      steps: expect.arrayContaining([
        { name: 'Unit tests', conclusion: 'failure' },
        { name: 'Run npm ci', conclusion: 'success' },
      ]),
      annotations: expect.arrayContaining([{ path: 'src/a.ts', line: 3, message: 'Expected: 2' }]),
      url: expect.stringContaining(`/actions/runs/${runId}/job/${job.id}`),
    });
    kit.gh.assertClean();
  });

  it('finds the Actions job through the job link when the check run id is not the job id', async () => {
    const { repo, sha, runId } = await staged([{ name: 'test', outcome: 'failure' }]);
    await finishAllCi(kit.services, { repo });
    const job = listJobs(kit.services, { repo })[0]!;
    const port = kit.port(repo);
    await port.writeCheckRun({
      name: 'mirror',
      headSha: sha,
      status: 'completed',
      conclusion: 'failure',
      detailsUrl: `${kit.gh.url}/${repo.fullName}/actions/runs/${runId}/job/${job.id}`,
      output: { title: 'Mirrored', summary: 'test failed' },
    });
    const [mirror] = await port.failingJobs(sha, ['mirror']);
    expect(mirror).toMatchObject({
      checkName: 'mirror',
      runId,
      jobName: 'test',
      output: { title: 'Mirrored', summary: 'test failed', text: null },
    });
    kit.gh.assertClean();
  });

  it('streams a multi-megabyte job log in chunks, byte for byte, over a real socket', async () => {
    const line = (i: number) => `line ${i}: ${'x'.repeat(90)}\n`;
    const big = Array.from({ length: 40_000 }, (_, i) => line(i)).join('');
    const { repo } = await staged([{ name: 'test', outcome: 'failure', log: big }]);
    await finishAllCi(kit.services, { repo });
    const job = listJobs(kit.services, { repo })[0]!;
    const log = await kit.port(repo, 'sluice', { overHttp: true }).jobLog(job.id);
    const chunks: Uint8Array[] = [];
    for await (const chunk of log!) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.length).toBeGreaterThan(4_000_000);
    expect(chunks.length).toBeGreaterThan(1);
    // The downloaded file starts with a byte-order mark, which a raw byte stream keeps.
    expect(text).toBe(readJobLog(kit.services, { repo, jobId: job.id }));
    const inProcess = await kit.port(repo).jobLog(job.id);
    let bytes = 0;
    for await (const chunk of inProcess!) bytes += chunk.length;
    expect(bytes).toBe(Buffer.byteLength(text));
    kit.gh.assertClean();
  });

  it('has no log for a check that is not an Actions job', async () => {
    const repo = await kit.repo();
    const sha = (await repo.git.resolveRef('refs/heads/main'))!;
    const port = kit.port(repo);
    const written = await port.writeCheckRun({
      name: 'Sluice',
      headSha: sha,
      status: 'queued',
      output: { title: 'Queued', summary: '' },
    });
    expect(written.kind).toBe('ok');
    expect(await port.jobLog((written as { id: number }).id)).toBeUndefined();
    kit.gh.assertClean();
  });

  it('refuses to re-run a run that is still going, without retrying', async () => {
    const { repo, runId } = await staged([{ name: 'test' }]);
    const before = kit.requests('actions/re-run-workflow-failed-jobs').length;
    expect(await kit.port(repo).rerunFailedJobs(runId)).toEqual({
      kind: 'rejected',
      message: '403 This workflow is already running',
    });
    expect(kit.requests('actions/re-run-workflow-failed-jobs')).toHaveLength(before + 1);
    kit.gh.assertClean();
  });
});
