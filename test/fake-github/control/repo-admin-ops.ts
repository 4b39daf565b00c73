/**
 * Harness operations of the repository admin: branch protection, rulesets, collaborators
 * and settings. GitHub sends no webhook the app subscribes to for these, so neither do they.
 */
import type { Services } from '../world/services.js';
import type { BranchProtection, RepoSettings, RepoState, Role, Ruleset } from '../world/types.js';
import {
  addRuleset as addRepoRuleset,
  setBranchProtection as protectBranch,
  type ProtectionInput,
} from '../domain/protection.js';
import { setCollaborator } from '../domain/collaborators.js';

/** As the repository admin: replaces the branch's protection rule (`null` removes it). */
export function setBranchProtection(
  _services: Services,
  input: { repo: RepoState; branch: string; protection: ProtectionInput | null },
): BranchProtection | null {
  return protectBranch(input.repo, input.branch, input.protection);
}

export interface RulesetInput {
  repo: RepoState;
  name: string;
  /** Branch names or fnmatch patterns; `~DEFAULT_BRANCH` and `~ALL` work too. */
  branches: string[];
  requiredChecks?: (string | { context: string; integrationId: number })[];
  requiredApprovals?: number;
}

export function addRuleset(services: Services, input: RulesetInput): Ruleset {
  const requiredStatusChecks = (input.requiredChecks ?? []).map((c) =>
    typeof c === 'string'
      ? { context: c }
      : { context: c.context, integration_id: c.integrationId },
  );
  return addRepoRuleset(services.world, input.repo, {
    name: input.name,
    branches: input.branches,
    requiredStatusChecks,
    requiredApprovingReviewCount: input.requiredApprovals ?? null,
  });
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
