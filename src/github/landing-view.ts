import type { LandingPull, LandingView, RequiredPolicy } from './port.js';
import type { RepoContext } from './repo-context.js';
import { readGraphqlPartly } from './read-graphql.js';
import { toObservedPullNode } from './to-observed-pull-node.js';
import { commitChecksOf, contextPath } from './checks-on-commits.js';
import {
  landingViewQuery,
  pullAlias,
  pullVariable,
  type LandingPullNode,
  type LandingRepositoryNode,
  type LandingViewAnswer,
} from './landing-view-query.js';

const protectionPath = 'repository.baseRef.branchProtectionRule';
const pullPath = /^repository\.pr\d+$/;
const orgDefaultsPath = 'orgDefaults';

/**
 * The landing's PRs and everything that gates landing them, read fresh in one request (REST
 * needs one per PR, plus branch protection, the branch's rules and the config file). Classic
 * protection needs the Administration permission; without it GitHub nulls that field with an
 * error, and that source is reported unreadable, as `requiredPolicy` does. A PR that does not
 * exist makes the whole view `undefined`: a landing is judged on all of its PRs or not at all.
 */
export async function landingView(
  ctx: RepoContext,
  numbers: readonly number[],
  input: { base: string; configPath: string; tip?: string },
): Promise<LandingView | undefined> {
  // Throws (a RangeError, before anything is sent) for no PR or more than `maxLandingPulls`.
  const query = landingViewQuery(numbers.length, input.tip !== undefined);
  const answer = await readGraphqlPartly<LandingViewAnswer>(
    ctx,
    'SluiceLandingView',
    {
      query,
      variables: {
        owner: ctx.owner,
        name: ctx.repo,
        ...Object.fromEntries(numbers.map((number, i) => [pullVariable(i), number])),
        base: `refs/heads/${input.base}`,
        // `HEAD` is the default branch: the config is read from there only.
        config: `HEAD:${input.configPath}`,
        ...(input.tip !== undefined ? { tip: input.tip } : {}),
      },
    },
    // A missing PR next to a refused protection: the PR's null is answered as `undefined` below.
    (path, error) =>
      (path === protectionPath && error.type === 'FORBIDDEN') ||
      (pullPath.test(path) && error.type === 'NOT_FOUND') ||
      // No `.github` repository, or the app is not installed on it: no org-wide config.
      (path === orgDefaultsPath && ['NOT_FOUND', 'FORBIDDEN'].includes(error.type ?? '')) ||
      (contextPath.test(path) && error.type === 'FORBIDDEN'),
  );
  const repository = answer?.data.repository;
  if (!repository) return undefined;
  const nodes = pullNodesOf(repository, numbers.length);
  if (!nodes) return undefined;
  const pulls = nodes.map((pr): LandingPull => ({
    ...toObservedPullNode(ctx, pr),
    mergeCommitSha: pr.merged ? (pr.mergeCommit?.oid ?? null) : null,
  }));
  const first = nodes[0]!;
  const unreadable = answer.failedPaths.includes(protectionPath) ? ['branch protection'] : [];
  return {
    pull: toObservedPullNode(ctx, first),
    pulls,
    baseSha: repository.baseRef?.target?.oid ?? first.baseRefOid,
    // Landing does not need GitHub's mergeability or test merge: the staging commit was tested.
    mergeable: null,
    testMergeSha: null,
    mergeCommitSha: pulls[0]!.mergeCommitSha,
    repositoryId: repository.id,
    policy: policyOf(repository.baseRef, unreadable),
    configText: repository.config?.text ?? null,
    orgConfigText: answer.data.orgDefaults?.config?.text ?? null,
    ...(input.tip !== undefined ? { tipChecks: commitChecksOf(repository.tip ?? null) } : {}),
  };
}

/** The PRs in the order asked for, or `undefined` when one of them is missing. */
function pullNodesOf(
  repository: LandingRepositoryNode,
  count: number,
): LandingPullNode[] | undefined {
  const nodes: LandingPullNode[] = [];
  for (let i = 0; i < count; i++) {
    const node = repository[pullAlias(i)];
    if (!node) return undefined;
    nodes.push(node);
  }
  return nodes;
}

/** The same reading of protection and rulesets as `requiredPolicy` makes from REST. */
function policyOf(ref: LandingRepositoryNode['baseRef'], unreadable: string[]): RequiredPolicy {
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
