import type { HandlerTable } from './types.js';
import { requireRepo } from './types.js';
import type { BranchProtection, RepoState } from '../world/types.js';
import type { CommitInfo } from '../git/index.js';
import { GitHubError } from '../http/github-error.js';
import { answerNow } from './answer-now.js';
import { pagedAnswer } from './paged-answer.js';
import { renderBranch } from '../render/branch.js';
import {
  renderBranchProtection,
  renderBranchRules,
  renderStatusCheckPolicy,
} from '../render/protection.js';
import { rulesetsFor } from '../domain/protection.js';

async function requireBranch(repo: RepoState, branch: string): Promise<CommitInfo> {
  const sha = await repo.git.resolveRef(`refs/heads/${branch}`);
  const commit = sha === undefined ? undefined : await repo.git.readCommit(sha);
  if (!commit) throw new GitHubError(404, 'Branch not found');
  return commit;
}

function requireProtection(repo: RepoState, branch: string): BranchProtection {
  const protection = repo.protection.get(branch);
  if (!protection) throw new GitHubError(404, 'Branch not protected');
  return protection;
}

/**
 * Branches and what guards them. Classic protection needs the Administration permission
 * (the pipeline refuses without it); rulesets are readable with metadata alone, which is
 * why apps read required checks from both.
 */
export const branchHandlers: HandlerTable = {
  'repos/get-branch': async (ctx) => {
    const repo = requireRepo(ctx);
    const branch = ctx.params.branch!;
    const commit = await requireBranch(repo, branch);
    return {
      status: 200,
      body: renderBranch(ctx.world, repo, branch, commit, repo.protection.get(branch)),
    };
  },

  'repos/get-branch-protection': async (ctx) => {
    const repo = requireRepo(ctx);
    const branch = ctx.params.branch!;
    await requireBranch(repo, branch);
    return {
      status: 200,
      body: renderBranchProtection(ctx.world, repo, branch, requireProtection(repo, branch)),
    };
  },

  'repos/get-status-checks-protection': async (ctx) => {
    const repo = requireRepo(ctx);
    const branch = ctx.params.branch!;
    await requireBranch(repo, branch);
    const checks = requireProtection(repo, branch).requiredStatusChecks;
    if (!checks) throw new GitHubError(404, 'Required status checks not enabled');
    return { status: 200, body: renderStatusCheckPolicy(ctx.world, repo, branch, checks) };
  },

  'repos/get-branch-rules': answerNow((ctx) => {
    const repo = requireRepo(ctx);
    return pagedAnswer(
      ctx,
      renderBranchRules(repo, rulesetsFor(repo, ctx.params.branch!)),
      (rule) => rule,
    );
  }),
};
