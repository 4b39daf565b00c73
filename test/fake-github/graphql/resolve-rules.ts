import type { BranchProtection, RepoState, Ruleset } from '../world/types.js';
import { nodeId } from '../world/ids.js';
import { rulesetsFor } from '../domain/protection.js';
import { protectionStamp, rulesetStamp } from '../events/policy-records.js';
import { toConnection, type ConnectionArgs } from './connection.js';
import { field, type ResolverTable } from './field-resolver.js';

export interface BranchProtectionRuleSource {
  repo: RepoState;
  /** The stand-in protects branches by exact name: the rule's pattern is the branch. */
  branch: string;
  protection: BranchProtection;
}

interface StatusCheckSource {
  context: string;
  appId: number | null;
}

type RuleSource =
  | {
      __typename: 'RepositoryRule';
      ruleset: Ruleset;
      type: 'REQUIRED_STATUS_CHECKS';
      parameters: { __typename: 'RequiredStatusChecksParameters'; checks: StatusCheckSource[] };
    }
  | {
      __typename: 'RepositoryRule';
      ruleset: Ruleset;
      type: 'PULL_REQUEST';
      parameters: { __typename: 'PullRequestParameters'; approvals: number };
    };

export type RefRulesArgs = ConnectionArgs & {
  orderBy?: { field: 'CREATED_AT' | 'UPDATED_AT'; direction: 'ASC' | 'DESC' };
};

/** The rules a ruleset holds, as `Ref.rules` lists them (one per kind the stand-in models). */
function rulesOf(ruleset: Ruleset): RuleSource[] {
  const rules: RuleSource[] = [];
  if (ruleset.requiredStatusChecks.length > 0) {
    const checks = ruleset.requiredStatusChecks.map((c) => ({
      context: c.context,
      appId: c.integration_id ?? null,
    }));
    rules.push({
      __typename: 'RepositoryRule',
      ruleset,
      type: 'REQUIRED_STATUS_CHECKS',
      parameters: { __typename: 'RequiredStatusChecksParameters', checks },
    });
  }
  if (ruleset.requiredApprovingReviewCount !== null)
    rules.push({
      __typename: 'RepositoryRule',
      ruleset,
      type: 'PULL_REQUEST',
      parameters: {
        __typename: 'PullRequestParameters',
        approvals: ruleset.requiredApprovingReviewCount,
      },
    });
  return rules;
}

/**
 * "A list of rules from active Repository and Organization rulesets that apply to this ref",
 * by default most recently updated first. Tags and other refs have none in the stand-in.
 */
export function refRules(repo: RepoState, branch: string | undefined, args: RefRulesArgs) {
  const order = args.orderBy ?? { field: 'UPDATED_AT', direction: 'DESC' };
  const key = (r: Ruleset) => {
    const stamp = rulesetStamp(repo, r);
    return (order.field === 'CREATED_AT' ? stamp.createdAt : stamp.updatedAt).getTime();
  };
  const sign = order.direction === 'DESC' ? -1 : 1;
  const rulesets = branch === undefined ? [] : rulesetsFor(repo, branch);
  const sorted = [...rulesets].sort((a, b) => sign * (key(a) - key(b) || a.id - b.id));
  return toConnection('rules', sorted.flatMap(rulesOf), args);
}

const rule = <T>(read: (source: BranchProtectionRuleSource) => T) =>
  field<BranchProtectionRuleSource>((source) => read(source));
const never = rule(() => false);

export const ruleResolvers: ResolverTable = {
  'BranchProtectionRule.id': field<BranchProtectionRuleSource>(({ repo, branch }, _, ctx) =>
    nodeId('BPR', protectionStamp(ctx.world, repo, branch).id),
  ),
  'BranchProtectionRule.databaseId': field<BranchProtectionRuleSource>(
    ({ repo, branch }, _, ctx) => protectionStamp(ctx.world, repo, branch).id,
  ),
  'BranchProtectionRule.pattern': rule(({ branch }) => branch),
  'BranchProtectionRule.requiresStatusChecks': rule(
    ({ protection }) => protection.requiredStatusChecks !== null,
  ),
  'BranchProtectionRule.requiresStrictStatusChecks': rule(
    ({ protection }) => protection.requiredStatusChecks?.strict ?? false,
  ),
  'BranchProtectionRule.requiredStatusCheckContexts': rule(
    ({ protection }) => protection.requiredStatusChecks?.contexts ?? [],
  ),
  'BranchProtectionRule.requiredStatusChecks': rule(({ protection }) =>
    (protection.requiredStatusChecks?.checks ?? []).map((c): StatusCheckSource => ({
      context: c.context,
      appId: c.app_id,
    })),
  ),
  'BranchProtectionRule.requiresApprovingReviews': rule(
    ({ protection }) => (protection.requiredApprovingReviewCount ?? 0) > 0,
  ),
  'BranchProtectionRule.requiredApprovingReviewCount': rule(
    ({ protection }) => protection.requiredApprovingReviewCount,
  ),
  'BranchProtectionRule.isAdminEnforced': rule(({ protection }) => protection.enforceAdmins),
  // Settings the stand-in does not model are off, as on a new rule.
  'BranchProtectionRule.allowsDeletions': never,
  'BranchProtectionRule.allowsForcePushes': never,
  'BranchProtectionRule.requiresLinearHistory': never,
  'BranchProtectionRule.requiresCommitSignatures': never,
  'BranchProtectionRule.requiresCodeOwnerReviews': never,
  'BranchProtectionRule.requiresConversationResolution': never,
  'BranchProtectionRule.dismissesStaleReviews': never,
  'BranchProtectionRule.lockBranch': never,
  'BranchProtectionRule.restrictsPushes': never,
  'RequiredStatusCheckDescription.context': field<StatusCheckSource>(({ context }) => context),
  'RepositoryRule.id': field<RuleSource>(({ ruleset, type }) =>
    nodeId('RRU', ruleset.id * 100 + (type === 'PULL_REQUEST' ? 2 : 1)),
  ),
  'RepositoryRule.type': field<RuleSource>(({ type }) => type),
  'RepositoryRule.parameters': field<RuleSource>(({ parameters }) => parameters),
  'RequiredStatusChecksParameters.requiredStatusChecks': field<{ checks: StatusCheckSource[] }>(
    ({ checks }) => checks,
  ),
  'RequiredStatusChecksParameters.strictRequiredStatusChecksPolicy': field(() => false),
  'RequiredStatusChecksParameters.doNotEnforceOnCreate': field(() => false),
  'StatusCheckConfiguration.context': field<StatusCheckSource>(({ context }) => context),
  'StatusCheckConfiguration.integrationId': field<StatusCheckSource>(({ appId }) => appId),
  'PullRequestParameters.requiredApprovingReviewCount': field<{ approvals: number }>(
    ({ approvals }) => approvals,
  ),
  'PullRequestParameters.dismissStaleReviewsOnPush': field(() => false),
  'PullRequestParameters.requireCodeOwnerReview': field(() => false),
  'PullRequestParameters.requireLastPushApproval': field(() => false),
  'PullRequestParameters.requiredReviewThreadResolution': field(() => false),
};
