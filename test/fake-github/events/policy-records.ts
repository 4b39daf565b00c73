import type { World } from '../world/world.js';
import type { RepoState, Ruleset } from '../world/types.js';

/** What GitHub shows of a rule besides its settings: an id and when it was made and last saved. */
export interface PolicyStamp {
  id: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * The world keeps branch protection and rulesets as bare settings (a test sets them up in
 * one line); the ids and dates that webhooks and GraphQL show are kept here, beside it. A
 * rule set up with the repository gets the repository's creation date on first sight.
 */
const protectionStamps = new WeakMap<RepoState, Map<string, PolicyStamp>>();
const rulesetStamps = new WeakMap<RepoState, Map<number, PolicyStamp>>();
const lastRuleId = new WeakMap<World, number>();

/** Branch protection rule ids are their own sequence on GitHub (small numbers, unlike rulesets). */
const firstRuleId = 8_100_001;

function stampsOf<K>(table: WeakMap<RepoState, Map<K, PolicyStamp>>, repo: RepoState) {
  let stamps = table.get(repo);
  if (!stamps) table.set(repo, (stamps = new Map<K, PolicyStamp>()));
  return stamps;
}

function nextRuleId(world: World): number {
  const id = (lastRuleId.get(world) ?? firstRuleId - 1) + 1;
  lastRuleId.set(world, id);
  return id;
}

/** The stamp of `branch`'s protection rule (which must exist). */
export function protectionStamp(world: World, repo: RepoState, branch: string): PolicyStamp {
  const stamps = stampsOf(protectionStamps, repo);
  let stamp = stamps.get(branch);
  if (!stamp) {
    const at = repo.createdAt;
    stamps.set(branch, (stamp = { id: nextRuleId(world), createdAt: at, updatedAt: at }));
  }
  return stamp;
}

/** Records a save of `branch`'s rule at `now`: a new rule gets a new id. */
export function touchProtection(
  world: World,
  repo: RepoState,
  branch: string,
  now: Date,
): PolicyStamp {
  const stamps = stampsOf(protectionStamps, repo);
  const seen = stamps.get(branch);
  const stamp = seen
    ? { ...seen, updatedAt: now }
    : { id: nextRuleId(world), createdAt: now, updatedAt: now };
  stamps.set(branch, stamp);
  return stamp;
}

/** A deleted rule's id is never reused: protecting the branch again makes a new rule. */
export function forgetProtection(repo: RepoState, branch: string): void {
  stampsOf(protectionStamps, repo).delete(branch);
}

export function rulesetStamp(repo: RepoState, ruleset: Ruleset): PolicyStamp {
  const stamps = stampsOf(rulesetStamps, repo);
  let stamp = stamps.get(ruleset.id);
  if (!stamp) {
    const at = repo.createdAt;
    stamps.set(ruleset.id, (stamp = { id: ruleset.id, createdAt: at, updatedAt: at }));
  }
  return stamp;
}

export function touchRuleset(repo: RepoState, ruleset: Ruleset, now: Date): PolicyStamp {
  const stamps = stampsOf(rulesetStamps, repo);
  const seen = stamps.get(ruleset.id);
  const stamp = { id: ruleset.id, createdAt: seen?.createdAt ?? now, updatedAt: now };
  stamps.set(ruleset.id, stamp);
  return stamp;
}
