/**
 * Harness operations of the repository admin: branch protection, rulesets, collaborators
 * and settings. Protection and ruleset changes send `branch_protection_rule` and
 * `repository_ruleset`, as GitHub does, to apps subscribed to them; the rest send nothing an
 * app subscribes to.
 */
import type { Services } from '../world/services.js';
import type { BranchProtection, RepoSettings, RepoState, Role, Ruleset } from '../world/types.js';
import {
  addRuleset as addRepoRuleset,
  setBranchProtection as protectBranch,
  type ProtectionInput,
} from '../domain/protection.js';
import { setCollaborator } from '../domain/collaborators.js';
import { emitProtectionRuleEvent } from '../events/protection-rule-event.js';
import { emitRulesetEvent } from '../events/ruleset-event.js';

/** Who changed a rule (the webhook's sender): `by`, else the owning user, else `admin`. */
function adminOf(services: Services, repo: RepoState, by: string | undefined) {
  if (by !== undefined) return services.world.account(by);
  return repo.owner.type === 'User' ? repo.owner : services.world.account('admin');
}

/** As the repository admin: replaces the branch's protection rule (`null` removes it). */
export function setBranchProtection(
  services: Services,
  input: { repo: RepoState; branch: string; protection: ProtectionInput | null; by?: string },
): BranchProtection | null {
  const before = input.repo.protection.get(input.branch);
  const after = protectBranch(input.repo, input.branch, input.protection);
  const sender = adminOf(services, input.repo, input.by);
  emitProtectionRuleEvent(services, {
    repo: input.repo,
    branch: input.branch,
    before,
    after,
    sender,
  });
  return after;
}

export interface RulesetInput {
  repo: RepoState;
  name: string;
  /** Branch names or fnmatch patterns; `~DEFAULT_BRANCH` and `~ALL` work too. */
  branches: string[];
  requiredChecks?: (string | { context: string; integrationId: number })[];
  requiredApprovals?: number;
  by?: string;
}

function rulesetSettings(input: Omit<RulesetInput, 'repo' | 'by'>): Omit<Ruleset, 'id'> {
  const requiredStatusChecks = (input.requiredChecks ?? []).map((c) =>
    typeof c === 'string'
      ? { context: c }
      : { context: c.context, integration_id: c.integrationId },
  );
  return {
    name: input.name,
    branches: input.branches,
    requiredStatusChecks,
    requiredApprovingReviewCount: input.requiredApprovals ?? null,
  };
}

export function addRuleset(services: Services, input: RulesetInput): Ruleset {
  const ruleset = addRepoRuleset(services.world, input.repo, rulesetSettings(input));
  const sender = adminOf(services, input.repo, input.by);
  emitRulesetEvent(services, { repo: input.repo, after: ruleset, sender });
  return ruleset;
}

function requireRuleset(repo: RepoState, id: number): number {
  const index = repo.rulesets.findIndex((r) => r.id === id);
  if (index === -1) throw new Error(`fake-github: ${repo.fullName} has no ruleset ${id}`);
  return index;
}

/** Replaces ruleset `id`'s settings (same id), as saving it in the settings page does. */
export function editRuleset(
  services: Services,
  input: Omit<RulesetInput, 'repo'> & { repo: RepoState; id: number },
): Ruleset {
  const index = requireRuleset(input.repo, input.id);
  const before = input.repo.rulesets[index]!;
  const after: Ruleset = { ...rulesetSettings(input), id: input.id };
  input.repo.rulesets[index] = after;
  const sender = adminOf(services, input.repo, input.by);
  emitRulesetEvent(services, { repo: input.repo, before, after, sender });
  return after;
}

export function removeRuleset(
  services: Services,
  input: { repo: RepoState; id: number; by?: string },
): void {
  const [before] = input.repo.rulesets.splice(requireRuleset(input.repo, input.id), 1);
  const sender = adminOf(services, input.repo, input.by);
  emitRulesetEvent(services, { repo: input.repo, before: before!, after: null, sender });
}

/** Gives `login` a role on the repository; `null` removes them. */
export function setCollaboratorRole(
  services: Services,
  input: { repo: RepoState; login: string; role: Role | null },
): void {
  setCollaborator(services.world, input.repo, input.login, input.role);
}

/** Allowed merge methods, delete-branch-on-merge: what `repos/get` and merges then see. */
export function updateRepoSettings(
  _services: Services,
  input: { repo: RepoState; settings: Partial<RepoSettings> },
): RepoSettings {
  Object.assign(input.repo.settings, input.settings);
  return input.repo.settings;
}
