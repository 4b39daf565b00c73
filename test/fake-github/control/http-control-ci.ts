/**
 * Control commands for scripted CI and the virtual clock: script it, size its runner pool,
 * finish its work (all, some, or the oldest job), look at what is pending, post a commit
 * status as a person.
 */
import { z } from 'zod';
import { defineCommand, requireRepoHandle, type CommandTable } from './http-control-command.js';
import { jobConclusion, login, repoName, sha } from './http-control-schemas.js';
import { ciScriptInput, toCiScript } from './http-control-ci-script.js';
import { advanceClock, postCommitStatus, setJobOutcome, stepCi } from './ci-ops.js';
import type { CiJob } from '../ci/ci-state.js';

const finished = (job: CiJob) => ({
  id: job.id,
  runId: job.run.id,
  name: job.script.name,
  sha: job.run.trigger.sha,
  attempt: job.attempt,
  conclusion: job.conclusion,
});

export const ciCommands: CommandTable = {
  'script-ci': defineCommand({
    summary: "Replaces the repository's CI script (runs already started keep theirs).",
    input: z.strictObject({ repo: repoName, script: ciScriptInput }),
    example: {
      repo: 'acme/widgets',
      script: {
        workflows: [
          {
            name: 'CI',
            file: '.github/workflows/ci.yml',
            on: { push: ['main', 'sluice/staging/**'], pull_request: true },
            jobs: [
              { name: 'build' },
              { name: 'test', needs: ['build'], outcome: ['failure', 'success'] },
              { name: 'lint', failure: { kind: 'fmt-failure', tool: 'prettier' } },
            ],
          },
        ],
        statuses: [{ context: 'ci/legacy', state: 'success' }],
      },
    },
    run: (gh, input) => requireRepoHandle(gh, input.repo).scriptCi(toCiScript(input.script)),
  }),

  'complete-ci': defineCommand({
    summary: 'Finishes the running jobs (and status builds) that match, now.',
    input: z.strictObject({
      repo: repoName,
      job: z.string().optional(),
      status: z.string().optional(),
      sha: sha.optional(),
      runId: z.number().int().optional(),
      outcome: jobConclusion.optional(),
    }),
    example: { repo: 'acme/widgets', job: 'build' },
    run: async (gh, { repo, ...filter }) => ({
      completed: (await requireRepoHandle(gh, repo).completeCi(filter)).map(finished),
    }),
  }),

  'step-ci': defineCommand({
    summary: 'Finishes the oldest running job.',
    input: z.strictObject({ repo: repoName }),
    example: { repo: 'acme/widgets' },
    run: async (gh, input) => {
      const job = await stepCi(gh.services, { repo: requireRepoHandle(gh, input.repo).state });
      return { completed: job ? [finished(job)] : [] };
    },
  }),

  'finish-ci': defineCommand({
    summary: 'Finishes everything, including jobs that only start once their needs finish.',
    input: z.strictObject({ repo: repoName }),
    example: { repo: 'acme/widgets' },
    run: (gh, input) => requireRepoHandle(gh, input.repo).finishCi(),
  }),

  'pending-ci': defineCommand({
    summary: 'Jobs and status builds still waiting to finish.',
    input: z.strictObject({ repo: repoName }),
    example: { repo: 'acme/widgets' },
    run: (gh, input) => ({ pending: requireRepoHandle(gh, input.repo).pendingCi() }),
  }),

  'set-ci-runners': defineCommand({
    summary:
      'At most `limit` jobs of the repository run at once; the others stay queued for a free runner (`null`: no limit).',
    input: z.strictObject({ repo: repoName, limit: z.number().int().min(0).nullable() }),
    example: { repo: 'acme/widgets', limit: 2 },
    run: (gh, input) => requireRepoHandle(gh, input.repo).setCiRunners(input.limit),
  }),

  'get-ci-runners': defineCommand({
    summary: 'The runner pool: `limit`, `busy` runners, jobs `waiting` for one, `runnerMs` used.',
    input: z.strictObject({ repo: repoName }),
    example: { repo: 'acme/widgets' },
    run: (gh, input) => requireRepoHandle(gh, input.repo).ciRunners(),
  }),

  'set-job-outcome': defineCommand({
    summary: 'From now on, jobs named `job` conclude with `outcome` (`null`: back to the script).',
    input: z.strictObject({ repo: repoName, job: z.string(), outcome: jobConclusion.nullable() }),
    example: { repo: 'acme/widgets', job: 'test', outcome: 'failure' },
    run: (gh, input) =>
      setJobOutcome(gh.services, {
        repo: requireRepoHandle(gh, input.repo).state,
        job: input.job,
        outcome: input.outcome ?? undefined,
      }),
  }),

  'post-status': defineCommand({
    summary: 'A person (or their external CI) posts a commit status.',
    input: z.strictObject({
      repo: repoName,
      sha,
      state: z.enum(['error', 'failure', 'pending', 'success']),
      context: z.string().optional(),
      description: z.string().optional(),
      targetUrl: z.string().optional(),
      by: login,
    }),
    example: {
      repo: 'acme/widgets',
      sha: '0123456789abcdef0123456789abcdef01234567',
      state: 'success',
      context: 'ci/external',
      by: 'bob',
    },
    run: async (gh, { repo, ...input }) => {
      const status = await postCommitStatus(gh.services, {
        repo: requireRepoHandle(gh, repo).state,
        ...input,
      });
      return { id: status.id, state: status.state, context: status.context };
    },
  }),

  'advance-clock': defineCommand({
    summary: 'Moves the virtual clock; auto-mode CI finishes what became due first.',
    input: z.strictObject({ ms: z.number().int().min(0) }),
    example: { ms: 60000 },
    run: async (gh, input) => {
      await advanceClock(gh.services, input);
      return { now: gh.world.clock.now() };
    },
  }),
};
