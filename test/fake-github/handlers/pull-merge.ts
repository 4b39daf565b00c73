import type { HandlerTable } from './types.js';
import { requireRepo } from './types.js';
import { actingAccount } from '../domain/pulls/acting-account.js';
import { mergePull } from '../domain/pulls/merge-pull.js';
import type { MergeMethod } from '../domain/pulls/merge-commit.js';
import { requirePull } from '../domain/pulls/pull-record.js';
import { assertMayWriteWorkflows } from '../auth/workflow-changes.js';

interface MergeBody {
  commit_title?: string;
  commit_message?: string;
  sha?: string;
  merge_method?: MergeMethod;
}

export const pullMergeHandlers: HandlerTable = {
  'pulls/merge': async (ctx) => {
    const repo = requireRepo(ctx);
    const issue = requirePull(repo, Number(ctx.params.pull_number));
    const body = ctx.body as MergeBody;
    const { sha } = await mergePull(ctx, {
      repo,
      issue,
      by: actingAccount(ctx.caller),
      // GitHub's default when no method is given is a merge commit.
      method: body.merge_method ?? 'merge',
      sha: body.sha,
      commitTitle: body.commit_title,
      commitMessage: body.commit_message,
      race: () => ctx.race(),
      guard: (write) => assertMayWriteWorkflows(ctx.caller, repo, write),
    });
    return {
      status: 200,
      body: { sha, merged: true, message: 'Pull Request successfully merged' },
    };
  },
};
