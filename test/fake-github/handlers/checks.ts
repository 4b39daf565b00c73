import type { HandlerContext, HandlerTable } from './types.js';
import { requireRepo } from './types.js';
import type { Account, App, CheckRun, RepoState } from '../world/types.js';
import { GitHubError, notFound } from '../http/github-error.js';
import { paginate } from '../http/paginate.js';
import { pagedAnswer } from './paged-answer.js';
import { renderCheckRun } from '../render/check-run.js';
import {
  createCheckRun,
  emitCheckRunEvent,
  updateCheckRun,
  type CheckRunFields,
} from '../domain/checks.js';
import { suiteFor } from '../domain/check-suites.js';
import { queryCheckRuns, resolveCommitRef } from '../ci/check-queries.js';
import { ACTIONS_APP_ID } from '../ci/actions-app.js';
import { ciOfWorld } from '../ci/ci-of.js';
import { created } from './created.js';

/** Only GitHub Apps write checks; a person's token is refused with this (verify). */
export function callingApp(ctx: HandlerContext): { app: App; actor: Account } {
  if (ctx.caller.kind !== 'installation')
    throw new GitHubError(403, 'You must authenticate via a GitHub App.');
  return { app: ctx.caller.app, actor: ctx.caller.actor };
}

function requireCheckRun(ctx: HandlerContext): CheckRun {
  const run = requireRepo(ctx).checkRuns.get(Number(ctx.params.check_run_id));
  if (!run) throw notFound();
  return run;
}

/** Only the app that created a run may change it: GitHub's wording, with the owner's id. */
function requireOwner(run: CheckRun, app: App): void {
  if (run.appId !== app.id)
    throw new GitHubError(
      403,
      `Invalid app_id \`${run.appId}\` - check run can only be modified by the GitHub App that created it.`,
    );
}

function fieldsFrom(body: Record<string, unknown>): CheckRunFields {
  const date = (value: unknown) => (typeof value === 'string' ? new Date(value) : undefined);
  return {
    name: body.name as string | undefined,
    detailsUrl: body.details_url as string | undefined,
    externalId: body.external_id as string | undefined,
    status: body.status as CheckRunFields['status'],
    conclusion: body.conclusion as CheckRunFields['conclusion'],
    startedAt: date(body.started_at),
    completedAt: date(body.completed_at),
    output: body.output as CheckRunFields['output'],
    actions: body.actions as CheckRunFields['actions'],
  };
}

function listAnswer(ctx: HandlerContext, repo: RepoState, runs: CheckRun[]) {
  const page = paginate(runs, ctx.query, ctx.url);
  const body = {
    total_count: runs.length,
    check_runs: page.items.map((run) => renderCheckRun(ctx.world, repo, run)),
  };
  return { status: 200, body, ...(page.link ? { headers: { link: page.link } } : {}) };
}

const runQuery = (ctx: HandlerContext) => ({
  checkName: ctx.query.check_name as string | undefined,
  status: ctx.query.status as string | undefined,
  appId: ctx.query.app_id as number | undefined,
  filter: ctx.query.filter as 'latest' | 'all' | undefined,
});

export const checkHandlers: HandlerTable = {
  'checks/create': async (ctx) => {
    const repo = requireRepo(ctx);
    const { app, actor } = callingApp(ctx);
    const sha = ctx.body.head_sha as string;
    if (!(await repo.git.readCommit(sha)))
      throw new GitHubError(422, `No commit found for SHA: ${sha}`);
    const suite = await suiteFor(ctx, repo, app, sha);
    const run = await createCheckRun(ctx, {
      repo,
      suite,
      name: ctx.body.name as string,
      fields: fieldsFrom(ctx.body),
      sender: actor,
    });
    return created(renderCheckRun(ctx.world, repo, run));
  },

  'checks/update': async (ctx) => {
    const repo = requireRepo(ctx);
    const { app, actor } = callingApp(ctx);
    const run = requireCheckRun(ctx);
    requireOwner(run, app);
    await updateCheckRun(ctx, { repo, run, fields: fieldsFrom(ctx.body), sender: actor });
    return { status: 200, body: renderCheckRun(ctx.world, repo, run) };
  },

  'checks/get': (ctx) =>
    Promise.resolve({
      status: 200,
      body: renderCheckRun(ctx.world, requireRepo(ctx), requireCheckRun(ctx)),
    }),

  'checks/list-annotations': (ctx) => {
    const repo = requireRepo(ctx);
    const run = requireCheckRun(ctx);
    const blob = `${ctx.world.baseUrl}/${repo.fullName}/blob/${run.headSha}`;
    const answer = pagedAnswer(ctx, run.output.annotations, (a) => ({
      path: a.path,
      start_line: a.start_line,
      end_line: a.end_line,
      start_column: a.start_column ?? null,
      end_column: a.end_column ?? null,
      annotation_level: a.annotation_level,
      title: a.title ?? null,
      message: a.message,
      raw_details: a.raw_details ?? null,
      blob_href: `${blob}/${a.path}`,
    }));
    return Promise.resolve(answer);
  },

  /** The owner hears `rerequested`; an Actions job is re-run by GitHub itself; other apps' runs are refused. */
  'checks/rerequest-run': async (ctx) => {
    const repo = requireRepo(ctx);
    const { app, actor } = callingApp(ctx);
    const run = requireCheckRun(ctx);
    if (run.appId === ACTIONS_APP_ID) {
      const job = ciOfWorld(ctx.world).findJob(repo, run.id);
      if (!job) throw notFound();
      await ciOfWorld(ctx.world).rerunJob(job, actor);
    } else {
      requireOwner(run, app);
      emitCheckRunEvent(ctx, repo, run, 'rerequested', actor);
    }
    return { status: 201, body: {} };
  },

  'checks/list-for-ref': async (ctx) => {
    const repo = requireRepo(ctx);
    const sha = await resolveCommitRef(repo, ctx.params.ref!, 422);
    const runs = [...repo.checkRuns.values()].filter((run) => run.headSha === sha);
    return listAnswer(ctx, repo, queryCheckRuns(runs, runQuery(ctx)));
  },

  'checks/list-for-suite': (ctx) => {
    const repo = requireRepo(ctx);
    const suiteId = Number(ctx.params.check_suite_id);
    if (!repo.checkSuites.has(suiteId)) throw notFound();
    const runs = [...repo.checkRuns.values()].filter((run) => run.suiteId === suiteId);
    return Promise.resolve(listAnswer(ctx, repo, queryCheckRuns(runs, runQuery(ctx))));
  },
};
