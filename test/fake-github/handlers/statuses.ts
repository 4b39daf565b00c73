import type { HandlerTable } from './types.js';
import { requireRepo } from './types.js';
import { GitHubError } from '../http/github-error.js';
import { paginate } from '../http/paginate.js';
import { pagedAnswer } from './paged-answer.js';
import {
  combinedState,
  createCommitStatus,
  latestStatuses,
  statusesOf,
  type StatusState,
} from '../domain/statuses.js';
import { renderCombinedStatus, renderStatus } from '../render/status.js';
import { resolveCommitRef } from '../ci/check-queries.js';
import { created } from './created.js';

export const statusHandlers: HandlerTable = {
  'repos/create-commit-status': async (ctx) => {
    const repo = requireRepo(ctx);
    const sha = ctx.params.sha!;
    const commit = await repo.git.readCommit(sha);
    if (!commit) throw new GitHubError(422, `No commit found for SHA: ${sha}`);
    const creator =
      ctx.caller.kind === 'installation'
        ? ctx.caller.actor
        : ctx.caller.kind === 'user'
          ? ctx.caller.account
          : ctx.caller.app.bot;
    const status = await createCommitStatus(ctx, {
      repo,
      sha: commit.sha,
      state: ctx.body.state as StatusState,
      context: ctx.body.context as string | undefined,
      description: ctx.body.description as string | null | undefined,
      targetUrl: ctx.body.target_url as string | null | undefined,
      creator,
    });
    return created(renderStatus(ctx.world, repo, status));
  },

  'repos/get-combined-status-for-ref': async (ctx) => {
    const repo = requireRepo(ctx);
    const sha = await resolveCommitRef(repo, ctx.params.ref!, 404);
    const latest = latestStatuses(repo, sha);
    const page = paginate(latest, ctx.query, ctx.url);
    const body = renderCombinedStatus(ctx.world, repo, {
      sha,
      state: combinedState(latest),
      statuses: page.items,
      total: latest.length,
    });
    return { status: 200, body, ...(page.link ? { headers: { link: page.link } } : {}) };
  },

  'repos/list-commit-statuses-for-ref': async (ctx) => {
    const repo = requireRepo(ctx);
    const sha = await resolveCommitRef(repo, ctx.params.ref!, 404);
    return pagedAnswer(ctx, statusesOf(repo, sha), (status) =>
      renderStatus(ctx.world, repo, status),
    );
  },
};
