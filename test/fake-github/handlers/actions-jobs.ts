import type { HandlerContext, HandlerTable } from './types.js';
import { requireRepo } from './types.js';
import type { CiJob } from '../ci/ci-state.js';
import { currentJobs, jobsOfAttempt } from '../ci/ci-state.js';
import { notFound } from '../http/github-error.js';
import { paginate } from '../http/paginate.js';
import { ciOfWorld } from '../ci/ci-of.js';
import { renderJob } from '../render/job.js';
import { actingAccount, requireRun } from './actions-runs.js';

export function requireJob(ctx: HandlerContext): CiJob {
  const job = ciOfWorld(ctx.world).findJob(requireRepo(ctx), Number(ctx.params.job_id));
  if (!job) throw notFound();
  return job;
}

function jobsAnswer(ctx: HandlerContext, jobs: CiJob[]) {
  const page = paginate(jobs, ctx.query, ctx.url);
  const body = {
    total_count: jobs.length,
    jobs: page.items.map((job) => renderJob(ctx.world, job)),
  };
  return { status: 200, body, ...(page.link ? { headers: { link: page.link } } : {}) };
}

export const actionsJobHandlers: HandlerTable = {
  /** `latest` (the default): the latest attempt's jobs; `all`: every job of every attempt. */
  'actions/list-jobs-for-workflow-run': (ctx) => {
    const run = requireRun(ctx);
    const engine = ciOfWorld(ctx.world);
    const repoCi = engine.repoCi(run.repo);
    const jobs =
      ctx.query.filter === 'all'
        ? engine
            .jobs(run.repo)
            .filter((job) => job.run === run)
            .sort((a, b) => a.id - b.id)
        : currentJobs(repoCi, run);
    return Promise.resolve(jobsAnswer(ctx, jobs));
  },

  'actions/list-jobs-for-workflow-run-attempt': (ctx) => {
    const run = requireRun(ctx);
    const jobs = jobsOfAttempt(
      ciOfWorld(ctx.world).repoCi(run.repo),
      run,
      Number(ctx.params.attempt_number),
    );
    if (!jobs) throw notFound();
    return Promise.resolve(jobsAnswer(ctx, jobs));
  },

  'actions/get-job-for-workflow-run': (ctx) =>
    Promise.resolve({ status: 200, body: renderJob(ctx.world, requireJob(ctx)) }),

  /** Re-runs the job and the jobs that need it, in a new attempt of its run. */
  'actions/re-run-job-for-workflow-run': async (ctx) => {
    await ciOfWorld(ctx.world).rerunJob(requireJob(ctx), actingAccount(ctx));
    return { status: 201, body: {} };
  },
};
