import type { LandingView, RequiredPolicy } from './port.js';
import type { RepoContext } from './repo-context.js';
import { readGraphqlPartly } from './read-graphql.js';
import { toObservedPullNode } from './to-observed-pull-node.js';
import { landingViewQuery, type LandingViewAnswer } from './landing-view-query.js';

const protectionPath = 'repository.baseRef.branchProtectionRule';

/**
 * The PR and everything that gates landing it, read fresh in one request (REST needs four:
 * the PR, branch protection, the branch's rules and the config file). Classic protection needs
 * the Administration permission; without it GitHub nulls that field with an error, and that
 * source is reported unreadable, as `requiredPolicy` does.
 */
export async function landingView(
  ctx: RepoContext,
  number: number,
  input: { base: string; configPath: string },
): Promise<LandingView | undefined> {
  const answer = await readGraphqlPartly<LandingViewAnswer>(
    ctx,
    'SluiceLandingView',
    {
      query: landingViewQuery,
      variables: {
        owner: ctx.owner,
        name: ctx.repo,
        number,
        base: `refs/heads/${input.base}`,
        // `HEAD` is the default branch: the config is read from there only.
        config: `HEAD:${input.configPath}`,
      },
    },
    (path, error) => path === protectionPath && error.type === 'FORBIDDEN',
  );
  const repository = answer?.data.repository;
  const pr = repository?.pullRequest;
  if (!repository || !pr) return undefined;
  const baseSha = repository.baseRef?.target?.oid ?? pr.baseRefOid;
  const unreadable = answer.failedPaths.includes(protectionPath) ? ['branch protection'] : [];
  return {
    pull: toObservedPullNode(ctx, pr),
    baseSha,
    // Landing does not need GitHub's mergeability or test merge: the staging commit was tested.
    mergeable: null,
    testMergeSha: null,
    mergeCommitSha: pr.merged ? (pr.mergeCommit?.oid ?? null) : null,
    repositoryId: repository.id,
    policy: policyOf(repository.baseRef, unreadable),
    configText: repository.config?.text ?? null,
  };
}

/** The same reading of protection and rulesets as `requiredPolicy` makes from REST. */
function policyOf(
  ref: NonNullable<LandingViewAnswer['repository']>['baseRef'],
  unreadable: string[],
): RequiredPolicy {
  const checks: string[] = [];
  let approvals = 0;
  const rule = ref?.branchProtectionRule;
  if (rule?.requiresStatusChecks)
    checks.push(...(rule.requiredStatusCheckContexts ?? []).flatMap((c) => (c ? [c] : [])));
  if (rule?.requiresApprovingReviews) approvals = rule.requiredApprovingReviewCount ?? 0;
  for (const node of ref?.rules?.nodes ?? []) {
    if (node?.type === 'REQUIRED_STATUS_CHECKS')
      checks.push(...(node.parameters?.requiredStatusChecks ?? []).map((c) => c.context));
    if (node?.type === 'PULL_REQUEST')
      approvals = Math.max(approvals, node.parameters?.requiredApprovingReviewCount ?? 0);
  }
  return { checks: [...new Set(checks)], approvals, unreadable };
}
