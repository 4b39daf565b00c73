import type { AbortConclusion, CheckConclusion, GateClass } from './types.js';

export interface ConclusionDecision {
  class: GateClass;
  reason: string;
}

function abortReason(conclusion: AbortConclusion): string {
  switch (conclusion) {
    case 'cancelled':
      return 'the run was cancelled before it finished';
    case 'timed_out':
      return 'the run hit its time limit';
    case 'startup_failure':
      return 'the workflow failed to start';
    case 'stale':
      return 'GitHub marked the check stale: it never completed';
  }
}

/**
 * The first stage of the evidence order. Aborted runs say nothing about the code (infra
 * unless configured otherwise); `failure` needs the log; anything else is not a failure
 * and fails closed as unknown rather than being guessed at.
 */
export function classifyByConclusion(
  conclusion: CheckConclusion | null | undefined,
  overrides: Partial<Record<AbortConclusion, GateClass>> = {},
): ConclusionDecision | undefined {
  if (conclusion === null || conclusion === undefined) return undefined;
  switch (conclusion) {
    case 'failure':
      return undefined;
    case 'cancelled':
    case 'timed_out':
    case 'startup_failure':
    case 'stale':
      return { class: overrides[conclusion] ?? 'infra', reason: abortReason(conclusion) };
    case 'action_required':
      return { class: 'unknown', reason: 'the check waits for a manual action' };
    case 'success':
    case 'neutral':
    case 'skipped':
      return { class: 'unknown', reason: `the check concluded ${conclusion}: nothing failed` };
  }
}
