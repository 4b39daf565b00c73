import type { CheckConclusion } from '../world/types.js';

/**
 * How much a conclusion weighs when several are summarised (a check suite, a workflow run):
 * the worst wins, in the priority GitHub documents for suites — action_required, cancelled,
 * timed_out, failure, neutral, success. Where GitHub's list is silent (stale,
 * startup_failure, skipped) the rank is our reading (verify).
 */
function weight(conclusion: CheckConclusion): number {
  switch (conclusion) {
    case 'action_required':
      return 8;
    case 'cancelled':
      return 7;
    case 'timed_out':
      return 6;
    case 'startup_failure':
    case 'failure':
      return 5;
    case 'stale':
      return 4;
    case 'neutral':
      return 3;
    case 'success':
      return 2;
    case 'skipped':
      return 1;
  }
}

/** The summary conclusion; all-skipped stays skipped, nothing at all is success. */
export function worstConclusion<C extends CheckConclusion>(conclusions: C[]): C | 'success' {
  let worst: C | undefined;
  for (const c of conclusions) if (worst === undefined || weight(c) > weight(worst)) worst = c;
  return worst ?? 'success';
}

/** Conclusions `rerun-failed-jobs` picks up: the job did not pass (GitHub re-runs cancelled jobs too). */
export function isFailedConclusion(conclusion: CheckConclusion | null): boolean {
  if (conclusion === null) return false;
  switch (conclusion) {
    case 'failure':
    case 'cancelled':
    case 'timed_out':
    case 'startup_failure':
    case 'action_required':
      return true;
    case 'success':
    case 'neutral':
    case 'skipped':
    case 'stale':
      return false;
  }
}
