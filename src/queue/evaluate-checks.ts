import type { CheckConclusion, ObservedCheck } from './types.js';

export type ChecksVerdict =
  | { kind: 'passed'; checks: ObservedCheck[] }
  | { kind: 'failed'; failing: ObservedCheck[] }
  /** `missing`: required checks that have not reported at all yet. */
  | { kind: 'pending'; waitingOn: string[]; missing: string[] };

/** GitHub counts these as satisfying a required check. */
function passes(conclusion: CheckConclusion): boolean {
  switch (conclusion) {
    case 'success':
    case 'neutral':
    case 'skipped':
      return true;
    case 'failure':
    case 'cancelled':
    case 'timed_out':
    case 'action_required':
    case 'stale':
    case 'startup_failure':
      return false;
  }
}

/**
 * Judges the checks on a staging commit. With no required checks configured anywhere, every
 * check that reports is required and at least one must: a staging commit nothing tested never
 * passes (fail closed).
 */
export function evaluateChecks(
  required: readonly string[],
  observed: readonly ObservedCheck[],
): ChecksVerdict {
  const byName = latestByName(observed);
  const names = required.length > 0 ? [...new Set(required)] : [...byName.keys()];
  if (names.length === 0) return { kind: 'pending', waitingOn: [], missing: [] };
  const relevant = names.map((name) => ({ name, check: byName.get(name) }));
  const failing = relevant.flatMap(({ check }) =>
    check?.state === 'completed' && check.conclusion !== null && !passes(check.conclusion)
      ? [check]
      : [],
  );
  if (failing.length > 0) return { kind: 'failed', failing };
  const missing = relevant.filter((r) => r.check === undefined).map((r) => r.name);
  const running = relevant.filter((r) => r.check?.state === 'pending').map((r) => r.name);
  if (missing.length > 0 || running.length > 0)
    return { kind: 'pending', waitingOn: [...running, ...missing], missing };
  return { kind: 'passed', checks: relevant.map((r) => r.check!) };
}

/** After a re-run GitHub keeps the old run too; the newest (highest id) is the one that counts. */
function latestByName(observed: readonly ObservedCheck[]): Map<string, ObservedCheck> {
  const latest = new Map<string, ObservedCheck>();
  for (const check of observed) {
    const seen = latest.get(check.name);
    if (!seen || (check.checkRunId ?? 0) >= (seen.checkRunId ?? 0)) latest.set(check.name, check);
  }
  return latest;
}
