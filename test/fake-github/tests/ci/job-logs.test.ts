import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CiKit } from './support/ci-kit.js';
import { completeCi, scriptCi } from '../../control/ci-ops.js';
import { listJobs, readJobLog } from '../../control/ci-snapshots.js';
import { cancelled, fmtFailure, infraFlake, testFailure, timeout } from '../../ci/failures.js';
import type { JobScript } from '../../ci/types.js';
import type { RepoState } from '../../world/types.js';

/** The runner's timestamp prefix, e.g. `2026-01-05T09:00:01.1234567Z `. */
const stamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z /;
const withoutStamps = (log: string) =>
  log
    .replace(/^\uFEFF/, '')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.replace(stamp, ''));

describe('Actions job logs read like the real ones and download as GitHub serves them', () => {
  let kit: CiKit;
  beforeAll(async () => {
    kit = await CiKit.start();
  });
  afterAll(() => kit.close());

  const where = (repo: RepoState) => ({ owner: 'acme', repo: repo.name });

  /** A repository whose one job `test` has already run with `job`. */
  async function ranJob(
    job: Omit<JobScript, 'name'>,
  ): Promise<{ repo: RepoState; jobId: number; log: string }> {
    const repo = await kit.repo();
    scriptCi(kit.gh.services, {
      repo,
      script: {
        workflows: [
          {
            name: 'CI',
            file: '.github/workflows/ci.yml',
            on: { push: ['main'] },
            jobs: [{ name: 'test', ...job }],
          },
        ],
      },
    });
    await kit.push(repo, 'main', { 'b.txt': 'b\n' });
    await completeCi(kit.gh.services, { repo });
    const jobId = listJobs(kit.gh.services, { repo })[0]!.id;
    return { repo, jobId, log: readJobLog(kit.gh.services, { repo, jobId })! };
  }

  it.each([
    ['over HTTP', false],
    ['in-process through gh.fetch', true],
  ])('hands the app the log as a string after the 302, %s', async (_, inProcess) => {
    const { repo, jobId, log } = await ranJob(
      testFailure('queue › lands the head', 'Expected: 2\nReceived: 3'),
    );
    const { status, data } = await kit
      .octokit('sluice', { inProcess })
      .rest.actions.downloadJobLogsForWorkflowRun({ ...where(repo), job_id: jobId });
    expect(status).toBe(200);
    expect(typeof data).toBe('string');
    // fetch's text() drops the byte-order mark the downloaded file starts with, as it does for GitHub's.
    expect(data).toBe(log.replace(/^\uFEFF/, ''));
    expect(kit.gh.world.requests.at(-1)).toMatchObject({
      operationId: 'actions/download-job-logs-for-workflow-run',
      status: 302,
    });
    kit.gh.assertClean();
  });

  it('gives a short-lived link that works once and needs no token', async () => {
    const { repo, jobId } = await ranJob(testFailure('adds', 'Expected: 2'));
    const answer = await kit
      .octokit()
      .request('GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs', {
        ...where(repo),
        job_id: jobId,
        request: { redirect: 'manual' },
      });
    expect(answer.status).toBe(302);
    const location = answer.headers.location!;
    expect(location).toMatch(new RegExp(`^${kit.gh.url}/_fake/logs/[0-9a-f]{32}$`));
    const first = await fetch(location);
    expect([first.status, first.headers.get('content-type')]).toEqual([
      200,
      'text/plain; charset=utf-8',
    ]);
    expect((await fetch(location)).status).toBe(404);
    kit.gh.assertClean();
  });

  it('writes set-up, checkout, a Run group per step, the runner error and the cleanup, every line timestamped', async () => {
    const { log } = await ranJob({
      steps: [
        { run: 'npm ci', log: 'added 12 packages in 1s' },
        { name: 'Unit tests', run: 'npm test', ...testFailure('adds', 'Expected: 2') },
        { run: 'npm run lint' },
      ],
    } as JobScript);
    expect(log.startsWith('\uFEFF')).toBe(true);
    expect(
      log
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\n')
        .every((line) => stamp.test(line)),
    ).toBe(true);
    const lines = withoutStamps(log);
    expect(lines[0]).toBe("Current runner version: '2.325.0'");
    expect(lines).toEqual(
      expect.arrayContaining([
        'Complete job name: test',
        '##[group]Run actions/checkout@v4',
        '##[group]Run npm ci',
        'added 12 packages in 1s',
      ]),
    );
    const run = lines.indexOf('##[group]Run npm test');
    expect(lines.slice(run, run + 4)).toEqual([
      '##[group]Run npm test',
      '\u001b[36;1mnpm test\u001b[0m',
      'shell: /usr/bin/bash -e {0}',
      '##[endgroup]',
    ]);
    const error = lines.indexOf('##[error]Process completed with exit code 1.');
    expect(lines.slice(error - 2, error + 2)).toEqual([
      'Time:        1.842 s',
      'Ran all test suites.',
      '##[error]Process completed with exit code 1.',
      'Post job cleanup.',
    ]);
    expect(lines).not.toContain('##[group]Run npm run lint');
    expect(lines.at(-1)).toBe('Cleaning up orphan processes');
  });

  it('shows the steps of the job with their conclusions, later steps skipped after a failure', async () => {
    const { repo, jobId } = await ranJob({
      steps: [{ run: 'npm ci' }, { run: 'npm test', outcome: 'failure' }, { run: 'npm run lint' }],
    });
    const { data: job } = await kit
      .octokit()
      .rest.actions.getJobForWorkflowRun({ ...where(repo), job_id: jobId });
    expect(job.steps?.map((s) => [s.number, s.name, s.conclusion])).toEqual([
      [1, 'Set up job', 'success'],
      [2, 'Run actions/checkout@v4', 'success'],
      [3, 'Run npm ci', 'success'],
      [4, 'Run npm test', 'failure'],
      [5, 'Run npm run lint', 'skipped'],
      [6, 'Post Run actions/checkout@v4', 'success'],
      [7, 'Complete job', 'success'],
    ]);
    expect(job).toMatchObject({
      conclusion: 'failure',
      status: 'completed',
      runner_name: expect.stringMatching(/^GitHub Actions \d+$/),
    });
    kit.gh.assertClean();
  });

  it("annotates the check run with the tool's error commands and the runner's error", async () => {
    const { repo, jobId, log } = await ranJob({
      run: 'npx tsc',
      outcome: 'failure',
      exitCode: 2,
      log: 'checking\n::error file=src/a.ts,line=3,col=7::Type string is not assignable to number',
    });
    expect(withoutStamps(log)).toEqual(
      expect.arrayContaining([
        '##[error]Type string is not assignable to number',
        '##[error]Process completed with exit code 2.',
      ]),
    );
    const { data } = await kit
      .octokit()
      .rest.checks.listAnnotations({ ...where(repo), check_run_id: jobId });
    expect(
      data.map((a) => [a.path, a.start_line, a.start_column, a.annotation_level, a.message]),
    ).toEqual([
      ['src/a.ts', 3, 7, 'failure', 'Type string is not assignable to number'],
      ['.github', 1, null, 'failure', 'Process completed with exit code 2.'],
    ]);
    kit.gh.assertClean();
  });

  it('prints what formatters, timeouts, cancellations and registry flakes print', async () => {
    const cargo = await ranJob(fmtFailure('cargo fmt'));
    expect(withoutStamps(cargo.log)).toContain(
      `Diff in /home/runner/work/${cargo.repo.name}/${cargo.repo.name}/src/lib.rs:1:`,
    );
    expect(withoutStamps((await ranJob(fmtFailure('prettier'))).log)).toContain(
      '[warn] Code style issues found in the above file. Run Prettier with --write to fix.',
    );
    const slow = await ranJob(timeout({ minutes: 15 }));
    const slowLines = withoutStamps(slow.log);
    expect(slowLines.find((l) => l.includes('exceeded the maximum execution time'))).toMatch(
      /^##\[error\]The job running on runner GitHub Actions \d+ has exceeded the maximum execution time of 15 minutes\.$/,
    );
    expect(slowLines).toContain('##[error]The operation was canceled.');
    expect(listJobs(kit.gh.services, { repo: slow.repo })[0]?.conclusion).toBe('cancelled');
    expect(withoutStamps((await ranJob(cancelled())).log)).not.toContain(
      '##[error]Process completed with exit code 1.',
    );
    const flake = withoutStamps((await ranJob(infraFlake())).log);
    expect(flake).toContain(
      'npm error network request to https://registry.npmjs.org/typescript/-/typescript-5.9.3.tgz failed, reason: read ECONNRESET',
    );
    kit.gh.assertClean();
  });
});
