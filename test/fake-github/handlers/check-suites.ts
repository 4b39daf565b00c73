import type { HandlerTable } from './types.js';
import { requireRepo } from './types.js';
import { GitHubError, notFound } from '../http/github-error.js';
import { paginate } from '../http/paginate.js';
import { renderCheckSuite } from '../render/check-suite.js';
import { querySuites, resolveCommitRef } from '../ci/check-queries.js';
import { ACTIONS_APP_ID } from '../ci/actions-app.js';
import { ciOfWorld } from '../ci/ci-of.js';
import { callingApp } from './checks.js';

export const checkSuiteHandlers: HandlerTable = {
  'checks/list-suites-for-ref': async (ctx) => {
    const repo = requireRepo(ctx);
    const sha = await resolveCommitRef(repo, ctx.params.ref!, 422);
    const suites = querySuites(repo, sha, {
      appId: ctx.query.app_id as number | undefined,
      checkName: ctx.query.check_name as string | undefined,
    });
    const page = paginate(suites, ctx.query, ctx.url);
    const body = {
      total_count: suites.length,
      check_suites: await Promise.all(page.items.map((s) => renderCheckSuite(ctx.world, repo, s))),
    };
    return { status: 200, body, ...(page.link ? { headers: { link: page.link } } : {}) };
  },

  /** An Actions suite re-runs its whole workflow run; another app's suite is asked again (owner only). */
  'checks/rerequest-suite': async (ctx) => {
    const repo = requireRepo(ctx);
    const { app, actor } = callingApp(ctx);
    const suite = repo.checkSuites.get(Number(ctx.params.check_suite_id));
    if (!suite) throw notFound();
    if (suite.appId === ACTIONS_APP_ID) {
      const run = ciOfWorld(ctx.world).runOfSuite(repo, suite.id);
      if (!run) throw notFound();
      await ciOfWorld(ctx.world).rerunWorkflow(run, actor);
    } else {
      if (suite.appId !== app.id)
        throw new GitHubError(
          403,
          `Invalid app_id \`${suite.appId}\` - check suite can only be modified by the GitHub App that created it.`,
        );
      const payload = { check_suite: await renderCheckSuite(ctx.world, repo, suite) };
      ctx.webhooks.emit({
        repo,
        event: 'check_suite',
        action: 'rerequested',
        payload,
        sender: actor,
        ownerAppId: suite.appId,
      });
    }
    return { status: 201, body: {} };
  },
};
