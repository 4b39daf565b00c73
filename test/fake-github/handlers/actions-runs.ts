import type { HandlerContext, HandlerTable } from './types.js';
import { requireRepo } from './types.js';
import type { Account } from '../world/types.js';
import type { CiRun } from '../ci/ci-state.js';
import { notFound } from '../http/github-error.js';
import { paginate } from '../http/paginate.js';
import { ciOfWorld } from '../ci/ci-of.js';
import { renderWorkflowRun } from '../render/workflow-run.js';

export function requireRun(ctx: HandlerContext): CiRun {
  const run = ciOfWorld(ctx.world).findRun(requireRepo(ctx), Number(ctx.params.run_id));
  if (!run) throw notFound();
  return run;
}

/** Who pressed re-run: the app's bot, a person, or the app itself. */
export function actingAccount(ctx: HandlerContext): Account {
  switch (ctx.caller.kind) {
    case 'installation':
      return ctx.caller.actor;
    case 'user':
      return ctx.caller.account;
    case 'app':
      return ctx.caller.app.bot;
  }
}

/** `status` filters on either the status or the conclusion, as GitHub's does. */
function matches(run: CiRun, query: Record<string, unknown>): boolean {
  const { head_sha, branch, event, status, actor, check_suite_id } = query;
  return (
    (head_sha === undefined || run.trigger.sha === head_sha) &&
    (branch === undefined || run.trigger.branch === branch) &&
    (event === undefined || run.trigger.event === event) &&
    (status === undefined || run.status === status || run.conclusion === status) &&
    (typeof actor !== 'string' || run.trigger.actor.login.toLowerCase() === actor.toLowerCase()) &&
    (check_suite_id === undefined || run.suiteId === check_suite_id)
  );
}

async function renderRun(ctx: HandlerContext, run: CiRun): Promise<Record<string, unknown>> {
  const rendered = await renderWorkflowRun(ctx.world, run);
  return ctx.query.exclude_pull_requests === true ? { ...rendered, pull_requests: [] } : rendered;
}

export const actionsRunHandlers: HandlerTable = {
  'actions/list-workflow-runs-for-repo': async (ctx) => {
    const runs = ciOfWorld(ctx.world)
      .runs(requireRepo(ctx))
      .filter((run) => matches(run, ctx.query))
      .sort((a, b) => b.id - a.id);
    const page = paginate(runs, ctx.query, ctx.url);
    const body = {
      total_count: runs.length,
      workflow_runs: await Promise.all(page.items.map((run) => renderRun(ctx, run))),
    };
    return { status: 200, body, ...(page.link ? { headers: { link: page.link } } : {}) };
  },

  'actions/get-workflow-run': async (ctx) => ({
    status: 200,
    body: await renderRun(ctx, requireRun(ctx)),
  }),

  'actions/re-run-workflow': async (ctx) => {
    await ciOfWorld(ctx.world).rerunWorkflow(requireRun(ctx), actingAccount(ctx));
    return { status: 201, body: {} };
  },

  'actions/re-run-workflow-failed-jobs': async (ctx) => {
    await ciOfWorld(ctx.world).rerunFailedJobs(requireRun(ctx), actingAccount(ctx));
    return { status: 201, body: {} };
  },

  'actions/cancel-workflow-run': async (ctx) => {
    await ciOfWorld(ctx.world).cancel(requireRun(ctx));
    return { status: 202, body: {} };
  },
};
