import type { Services } from '../world/services.js';
import type { Account, BranchProtection, RepoState } from '../world/types.js';
import { iso } from '../render/basics.js';
import {
  type PolicyStamp,
  forgetProtection,
  protectionStamp,
  touchProtection,
} from './policy-records.js';

type Rule = Record<string, unknown>;

/** The keys of `changes` GitHub's schema lists for `branch_protection_rule.edited`. */
const changeKeys = [
  'admin_enforced',
  'pull_request_reviews_enforcement_level',
  'require_last_push_approval',
  'required_status_checks',
  'required_status_checks_enforcement_level',
] as const;

/** The rule as the webhook shows it: every setting the stand-in does not model is off. */
function renderRule(
  repo: RepoState,
  branch: string,
  p: BranchProtection,
  stamp: PolicyStamp,
): Rule {
  const level = p.enforceAdmins ? 'everyone' : 'non_admins';
  const checks = p.requiredStatusChecks;
  const approvals = p.requiredApprovingReviewCount;
  return {
    id: stamp.id,
    repository_id: repo.id,
    name: branch,
    created_at: iso(stamp.createdAt),
    updated_at: iso(stamp.updatedAt),
    pull_request_reviews_enforcement_level: approvals === null ? 'off' : level,
    required_approving_review_count: approvals ?? 0,
    dismiss_stale_reviews_on_push: false,
    require_code_owner_review: false,
    require_last_push_approval: false,
    authorized_dismissal_actors_only: false,
    ignore_approvals_from_contributors: false,
    required_status_checks: checks?.contexts ?? [],
    required_status_checks_enforcement_level: checks === null ? 'off' : level,
    strict_required_status_checks_policy: checks?.strict ?? false,
    signature_requirement_enforcement_level: 'off',
    linear_history_requirement_enforcement_level: 'off',
    lock_branch_enforcement_level: 'off',
    lock_allows_fork_sync: false,
    admin_enforced: p.enforceAdmins,
    allow_force_pushes_enforcement_level: 'off',
    allow_deletions_enforcement_level: 'off',
    merge_queue_enforcement_level: 'off',
    required_deployments_enforcement_level: 'off',
    required_conversation_resolution_level: 'off',
    create_protected: false,
    authorized_actors_only: false,
    authorized_actor_names: [],
  };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Sends `branch_protection_rule` for a rule that was replaced (`after`) or removed (`null`):
 * `created` for a new rule, `edited` with what changed, `deleted` with the rule as it was.
 * A save that changes nothing a webhook shows sends nothing.
 */
export function emitProtectionRuleEvent(
  services: Services,
  input: {
    repo: RepoState;
    branch: string;
    before: BranchProtection | undefined;
    after: BranchProtection | null;
    sender: Account;
  },
): void {
  const { world, webhooks } = services;
  const { repo, branch, before, after, sender } = input;
  const emit = (action: string, payload: Record<string, unknown>) =>
    webhooks.emit({ repo, event: 'branch_protection_rule', action, payload, sender });
  if (after === null) {
    if (!before) return;
    const rule = renderRule(repo, branch, before, protectionStamp(world, repo, branch));
    forgetProtection(repo, branch);
    return emit('deleted', { rule });
  }
  if (!before) {
    const stamp = touchProtection(world, repo, branch, world.clock.now());
    return emit('created', { rule: renderRule(repo, branch, after, stamp) });
  }
  const old = renderRule(repo, branch, before, protectionStamp(world, repo, branch));
  const compared = renderRule(repo, branch, after, protectionStamp(world, repo, branch));
  if (same(old, compared)) return;
  const rule = renderRule(
    repo,
    branch,
    after,
    touchProtection(world, repo, branch, world.clock.now()),
  );
  const changes = Object.fromEntries(
    changeKeys.filter((key) => !same(old[key], rule[key])).map((key) => [key, { from: old[key] }]),
  );
  emit('edited', { rule, changes });
}
