import type { HandlerContext, HandlerTable } from './types.js';
import { requireRepo } from './types.js';
import { GitHubError, notFound } from '../http/github-error.js';
import { paginate } from '../http/paginate.js';
import { renderCommit } from '../render/commit.js';
import { renderDiffEntry } from '../render/files.js';
import { actingAccount } from '../domain/pulls/acting-account.js';
import { filterPulls, type PullListQuery } from '../domain/pulls/filter-pulls.js';
import { openPull } from '../domain/pulls/open-pull.js';
import { presentPull, presentPullSimple } from '../domain/pulls/present-pull.js';
import { readMergeability } from '../domain/pulls/mergeability.js';
import { readPullFacts } from '../domain/pulls/pull-facts.js';
import { requirePull } from '../domain/pulls/pull-record.js';
import { resolveHead } from '../domain/pulls/resolve-head.js';
import { updatePullFromRest } from '../domain/pulls/update-pull.js';
import { created } from './created.js';

/** GitHub lists at most 250 commits for a pull request. */
const pullCommitLimit = 250;

function pullOf(ctx: HandlerContext) {
  const repo = requireRepo(ctx);
  return { repo, issue: requirePull(repo, Number(ctx.params.pull_number)) };
}

function withLink(link: string | undefined): Record<string, string> {
  return link ? { link } : {};
}

export const pullHandlers: HandlerTable = {
  'pulls/get': async (ctx) => {
    const { repo, issue } = pullOf(ctx);
    await readMergeability(ctx, repo, issue, actingAccount(ctx.caller));
    return { status: 200, body: await presentPull(ctx.world, repo, issue) };
  },

  'pulls/list': async (ctx) => {
    const repo = requireRepo(ctx);
    const page = paginate(
      filterPulls(ctx.world, repo, ctx.query as PullListQuery),
      ctx.query,
      ctx.url,
    );
    const body = await Promise.all(
      page.items.map((issue) => presentPullSimple(ctx.world, repo, issue)),
    );
    return { status: 200, body, headers: withLink(page.link) };
  },

  'pulls/create': async (ctx) => {
    const repo = requireRepo(ctx);
    const body = ctx.body as {
      title?: string;
      head: string;
      base: string;
      body?: string;
      draft?: boolean;
      maintainer_can_modify?: boolean;
      head_repo?: string;
    };
    if (body.title === undefined)
      throw new GitHubError(422, 'Validation Failed', {
        errors: [{ resource: 'PullRequest', field: 'title', code: 'missing_field' }],
      });
    const { headRepo, branch } = resolveHead(ctx.world, repo, {
      head: body.head,
      headRepo: body.head_repo,
    });
    const issue = await openPull(ctx, {
      repo,
      headRepo,
      head: branch,
      base: body.base,
      title: body.title,
      body: body.body,
      draft: body.draft,
      maintainerCanModify: body.maintainer_can_modify,
      author: actingAccount(ctx.caller),
    });
    return created(await presentPull(ctx.world, repo, issue));
  },

  'pulls/update': async (ctx) => {
    const { repo, issue } = pullOf(ctx);
    await updatePullFromRest(ctx, { repo, issue, caller: ctx.caller, body: ctx.body });
    return { status: 200, body: await presentPull(ctx.world, repo, issue) };
  },

  'pulls/list-commits': async (ctx) => {
    const { repo, issue } = pullOf(ctx);
    const { baseSha } = await readPullFacts(repo, issue);
    const commits = await repo.git.listCommits({
      base: baseSha,
      head: issue.pull.headSha,
      order: 'oldest-first',
      max: pullCommitLimit,
    });
    const page = paginate(commits, ctx.query, ctx.url);
    return {
      status: 200,
      body: page.items.map((c) => renderCommit(ctx.world, repo, c)),
      headers: withLink(page.link),
    };
  },

  'pulls/list-files': async (ctx) => {
    const { repo, issue } = pullOf(ctx);
    const { baseSha } = await readPullFacts(repo, issue);
    const { files } = await repo.git.compare(baseSha, issue.pull.headSha);
    const page = paginate(files, ctx.query, ctx.url);
    return {
      status: 200,
      body: page.items.map((f) => renderDiffEntry(ctx.world, repo, issue.pull.headSha, f)),
      headers: withLink(page.link),
    };
  },

  'pulls/check-if-merged': (ctx) => {
    const { issue } = pullOf(ctx);
    return issue.pull.merged ? Promise.resolve({ status: 204 }) : Promise.reject(notFound());
  },
};
