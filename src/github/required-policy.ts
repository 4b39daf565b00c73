import type { RequiredPolicy } from './port.js';
import { asReadError, readGitHub } from './call-github.js';
import { requestFailure } from './request-failure.js';
import type { RepoContext } from './repo-context.js';
import { withOperation } from './request-operation.js';

interface PolicyPart {
  checks: string[];
  approvals: number;
}

const nothingRequired: PolicyPart = { checks: [], approvals: 0 };

/**
 * Classic branch protection. 404 means "Branch not protected" (or no such branch yet):
 * nothing required. 403 means the installation lacks the Administration permission, which
 * reading protection needs; that source is then reported unreadable rather than guessed.
 */
async function readProtection(
  ctx: RepoContext,
  branch: string,
): Promise<PolicyPart | 'unreadable'> {
  try {
    const { data } = await withOperation('repos/get-branch-protection', () =>
      ctx.octokit.rest.repos.getBranchProtection({ owner: ctx.owner, repo: ctx.repo, branch }),
    );
    const required = data.required_status_checks;
    return {
      checks: [...(required?.contexts ?? []), ...(required?.checks ?? []).map((c) => c.context)],
      approvals: data.required_pull_request_reviews?.required_approving_review_count ?? 0,
    };
  } catch (error) {
    const { status, message } = requestFailure(error);
    if (status === 404) return nothingRequired;
    // A secondary rate limit is a 403 too, but says so; it is a failure, not a missing permission.
    if (status === 403 && !/rate limit/i.test(message)) return 'unreadable';
    throw asReadError(ctx, 'repos/get-branch-protection', error);
  }
}

/** Rulesets that target the branch; readable with metadata alone, unlike classic protection. */
async function readRules(ctx: RepoContext, branch: string): Promise<PolicyPart> {
  const rules = await readGitHub(ctx, 'repos/get-branch-rules', () =>
    ctx.octokit.paginate(ctx.octokit.rest.repos.getBranchRules, {
      owner: ctx.owner,
      repo: ctx.repo,
      branch,
      per_page: 100,
    }),
  );
  const part = { checks: [] as string[], approvals: 0 };
  for (const rule of rules) {
    if (rule.type === 'required_status_checks' && rule.parameters) {
      part.checks.push(...rule.parameters.required_status_checks.map((c) => c.context));
    }
    if (rule.type === 'pull_request' && rule.parameters) {
      part.approvals = Math.max(part.approvals, rule.parameters.required_approving_review_count);
    }
  }
  return part;
}

/** Required checks of both sources together; the strictest approval count wins. */
export async function requiredPolicy(ctx: RepoContext, branch: string): Promise<RequiredPolicy> {
  const [protection, rules] = await Promise.all([
    readProtection(ctx, branch),
    readRules(ctx, branch),
  ]);
  const unreadable = protection === 'unreadable' ? ['branch protection'] : [];
  const parts = protection === 'unreadable' ? [rules] : [protection, rules];
  ctx.log?.debug({ branch, unreadable }, 'read required policy');
  return {
    checks: [...new Set(parts.flatMap((p) => p.checks))],
    approvals: Math.max(...parts.map((p) => p.approvals)),
    unreadable,
  };
}
