import type { World } from '../world/world.js';
import type { BranchProtection, RepoState, RequiredStatusChecks, Ruleset } from '../world/types.js';

function protectionUrl(world: World, repo: RepoState, branch: string): string {
  return `${world.apiUrl}/repos/${repo.fullName}/branches/${branch}/protection`;
}

/** `repos/get-status-checks-protection` (`status-check-policy`). */
export function renderStatusCheckPolicy(
  world: World,
  repo: RepoState,
  branch: string,
  checks: RequiredStatusChecks,
): Record<string, unknown> {
  const url = `${protectionUrl(world, repo, branch)}/required_status_checks`;
  return {
    url,
    strict: checks.strict,
    contexts: checks.contexts,
    contexts_url: `${url}/contexts`,
    checks: checks.checks,
  };
}

const disabled = { enabled: false };

/** `repos/get-branch-protection`: the rule as an admin sees it, every unset option disabled. */
export function renderBranchProtection(
  world: World,
  repo: RepoState,
  branch: string,
  protection: BranchProtection,
): Record<string, unknown> {
  const url = protectionUrl(world, repo, branch);
  const checks = protection.requiredStatusChecks;
  const approvals = protection.requiredApprovingReviewCount;
  return {
    url,
    ...(checks
      ? { required_status_checks: renderStatusCheckPolicy(world, repo, branch, checks) }
      : {}),
    ...(approvals !== null
      ? {
          required_pull_request_reviews: {
            url: `${url}/required_pull_request_reviews`,
            dismiss_stale_reviews: false,
            require_code_owner_reviews: false,
            required_approving_review_count: approvals,
            require_last_push_approval: false,
          },
        }
      : {}),
    enforce_admins: { url: `${url}/enforce_admins`, enabled: protection.enforceAdmins },
    required_signatures: { url: `${url}/required_signatures`, enabled: false },
    required_linear_history: disabled,
    allow_force_pushes: disabled,
    allow_deletions: disabled,
    block_creations: disabled,
    required_conversation_resolution: disabled,
    lock_branch: disabled,
    allow_fork_syncing: disabled,
  };
}

/**
 * The `protection` summary inside `repos/get-branch`, readable without the administration
 * permission: an unprotected branch reports enforcement `off` and no contexts.
 */
export function renderProtectionSummary(
  protection: BranchProtection | undefined,
): Record<string, unknown> {
  const checks = protection?.requiredStatusChecks;
  const enforcement = !checks ? 'off' : protection.enforceAdmins ? 'everyone' : 'non_admins';
  return {
    enabled: protection !== undefined,
    required_status_checks: {
      enforcement_level: enforcement,
      contexts: checks?.contexts ?? [],
      checks: checks?.checks ?? [],
    },
  };
}

/** `repos/get-branch-rules`: one entry per rule of every ruleset that targets the branch. */
export function renderBranchRules(repo: RepoState, rulesets: Ruleset[]): Record<string, unknown>[] {
  return rulesets.flatMap((ruleset) => {
    const source = {
      ruleset_source_type: 'Repository',
      ruleset_source: repo.fullName,
      ruleset_id: ruleset.id,
    };
    const rules: Record<string, unknown>[] = [];
    if (ruleset.requiredStatusChecks.length > 0) {
      rules.push({
        type: 'required_status_checks',
        parameters: {
          strict_required_status_checks_policy: false,
          do_not_enforce_on_create: false,
          required_status_checks: ruleset.requiredStatusChecks,
        },
        ...source,
      });
    }
    if (ruleset.requiredApprovingReviewCount !== null) {
      rules.push({
        type: 'pull_request',
        parameters: {
          required_approving_review_count: ruleset.requiredApprovingReviewCount,
          dismiss_stale_reviews_on_push: false,
          require_code_owner_review: false,
          require_last_push_approval: false,
          required_review_thread_resolution: false,
        },
        ...source,
      });
    }
    return rules;
  });
}
