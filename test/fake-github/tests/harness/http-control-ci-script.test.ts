import { describe, expect, it } from '@jest/globals';
import { ciScriptInput, toCiScript } from '../../control/http-control-ci-script.js';
import { resolveScripted } from '../../ci/evaluate-job.js';
import type { CiContext, JobScript } from '../../ci/types.js';

const attempt = (n: number): CiContext => ({
  repo: 'acme/widgets',
  sha: '0'.repeat(40),
  attempt: n,
  ref: 'refs/heads/main',
  event: 'push',
  job: 'test',
  readFile: () => Promise.resolve(undefined),
});

/** The one job of a JSON script, as the CI engine will get it. */
function jobOf(job: Record<string, unknown>): JobScript {
  const input = ciScriptInput.parse({
    workflows: [
      { name: 'CI', file: '.github/workflows/ci.yml', on: { push: ['main'] }, jobs: [job] },
    ],
  });
  return toCiScript(input).workflows![0]!.jobs[0]!;
}

const outcomes = (job: JobScript, attempts: number[]) =>
  Promise.all(attempts.map((n) => resolveScripted(job.outcome, attempt(n))));

describe('a CI script in JSON', () => {
  it('scripts a flaky job as one conclusion per attempt, the last repeating', async () => {
    const job = jobOf({ name: 'test', outcome: ['failure', 'success'] });
    expect(await outcomes(job, [1, 2, 3])).toEqual(['failure', 'success', 'success']);
  });

  it('names a ready-made failure, with its arguments', async () => {
    const job = jobOf({ name: 'deps', failure: { kind: 'infra-flake', failingAttempts: 2 } });
    expect(job.run).toBe('npm ci');
    expect(await outcomes(job, [1, 2, 3])).toEqual(['failure', 'failure', 'success']);
    expect(await resolveScripted(job.log, attempt(1))).toContain('ECONNRESET');
  });

  it("lets the job's own fields override the ready-made ones", async () => {
    const job = jobOf({
      name: 'test',
      failure: { kind: 'test-failure', test: 'adds', message: 'expected 3' },
      outcome: 'success',
    });
    expect(await outcomes(job, [1])).toEqual(['success']);
    expect(await resolveScripted(job.log, attempt(1))).toContain('● adds');
  });

  it('refuses a failure it does not know, naming where', () => {
    const parsed = ciScriptInput.safeParse({
      workflows: [
        {
          name: 'CI',
          file: 'ci.yml',
          on: {},
          jobs: [{ name: 't', failure: { kind: 'gremlins' } }],
        },
      ],
    });
    expect(parsed.error?.issues[0]?.path).toEqual(['workflows', 0, 'jobs', 0, 'failure', 'kind']);
  });
});
