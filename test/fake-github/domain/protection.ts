import type { World } from '../world/world.js';
import type { BranchProtection, RepoState, Ruleset } from '../world/types.js';

/** A required check: its name, optionally pinned to the app that must report it. */
export type RequiredCheck = string | { context: string; appId?: number };

export interface ProtectionInput {
  requiredChecks?: RequiredCheck[];
  /** "Require branches to be up to date before merging". */
  strict?: boolean;
  requiredApprovals?: number;
  enforceAdmins?: boolean;
}

/** Replaces a branch's protection rule; `null` unprotects it. */
export function setBranchProtection(
  repo: RepoState,
  branch: string,
  input: ProtectionInput | null,
): BranchProtection | null {
  if (input === null) {
    repo.protection.delete(branch);
    return null;
  }
  const checks = (input.requiredChecks ?? []).map((c) =>
    typeof c === 'string'
      ? { context: c, app_id: null }
      : { context: c.context, app_id: c.appId ?? null },
  );
  const protection: BranchProtection = {
    requiredStatusChecks:
      input.requiredChecks === undefined
        ? null
        : { strict: input.strict ?? false, contexts: checks.map((c) => c.context), checks },
    requiredApprovingReviewCount: input.requiredApprovals ?? null,
    enforceAdmins: input.enforceAdmins ?? false,
  };
  repo.protection.set(branch, protection);
  return protection;
}

export function addRuleset(world: World, repo: RepoState, input: Omit<Ruleset, 'id'>): Ruleset {
  const ruleset: Ruleset = { ...input, id: world.ids.next('ruleset') };
  repo.rulesets.push(ruleset);
  return ruleset;
}

/**
 * fnmatch as rulesets use it: `*` stays within one path segment, `**` crosses them.
 * `~DEFAULT_BRANCH` and `~ALL` are GitHub's special targets.
 */
function matchesBranch(pattern: string, branch: string, defaultBranch: string): boolean {
  const target = pattern.replace(/^refs\/heads\//, '');
  if (target === '~ALL') return true;
  if (target === '~DEFAULT_BRANCH') return branch === defaultBranch;
  const source = target
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  return new RegExp(`^${source}$`).test(branch);
}

/** The rulesets that apply to a branch, whether or not the branch exists yet. */
export function rulesetsFor(repo: RepoState, branch: string): Ruleset[] {
  return repo.rulesets.filter((r) =>
    r.branches.some((pattern) => matchesBranch(pattern, branch, repo.defaultBranch)),
  );
}
