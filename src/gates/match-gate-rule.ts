import type { GateRule } from './types.js';

export interface RuleNames {
  check: string | null;
  job: string | null;
  step: string | null;
}

/** `*` matches any run of characters, `?` one; case-insensitive, whole name. */
export function matchNamePattern(pattern: string, name: string): boolean {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'i').test(name.trim());
}

function fieldMatches(pattern: string | undefined, name: string | null): boolean {
  return pattern === undefined || (name !== null && matchNamePattern(pattern, name));
}

/**
 * The first configured rule whose every pattern matches. A rule with no pattern at all
 * would match every failure, so it never does (the config schema rejects it too).
 */
export function findGateRule(
  rules: readonly GateRule[],
  names: RuleNames,
): { rule: GateRule; index: number } | undefined {
  const index = rules.findIndex(
    (rule) =>
      (rule.check !== undefined || rule.job !== undefined || rule.step !== undefined) &&
      fieldMatches(rule.check, names.check) &&
      fieldMatches(rule.job, names.job) &&
      fieldMatches(rule.step, names.step),
  );
  const rule = rules[index];
  return rule === undefined ? undefined : { rule, index };
}
