/**
 * What a failed staging run means for the PR, given the gate verdicts: retry infra flakes
 * within budget, otherwise dequeue with a label per class — and block after repeated failures.
 */
import type { SluiceConfig } from '../config/index.js';
import type { GateVerdict } from '../gates/index.js';

/** The part of a verdict the queue keeps and shows. */
export type GateVerdictSummary = Pick<
  GateVerdict,
  | 'class'
  | 'confidence'
  | 'reason'
  | 'job'
  | 'step'
  | 'signature'
  | 'line'
  | 'context'
  | 'fix'
  | 'annotations'
> & { check: string; url: string | null };

export interface RetryBudget {
  /** Re-runs already spent on this queue entry. */
  usedByEntry: number;
  /** Re-runs spent in this repository over the last 24 hours. */
  usedByRepoToday: number;
}

export type GateOutcome =
  | { kind: 'retry'; checks: string[] }
  | { kind: 'dequeue'; addLabels: string[]; blocked: boolean; consecutiveFailures: number };

/** Retry only when every failing check is a class configured to retry and budget remains. */
export function applyGatePolicy(input: {
  verdicts: GateVerdictSummary[];
  config: SluiceConfig;
  budget: RetryBudget;
  previousFailures: number;
}): GateOutcome {
  const { verdicts, config, budget } = input;
  const gates = config.gates;
  const retryable = verdicts.every((v) => gates.onFailure[v.class] === 'retry');
  const withinBudget =
    budget.usedByEntry < gates.retryBudget.perPullRequest &&
    budget.usedByRepoToday < gates.retryBudget.perRepositoryPerDay;
  if (verdicts.length > 0 && retryable && withinBudget) {
    return { kind: 'retry', checks: verdicts.map((v) => v.check) };
  }
  const consecutiveFailures = input.previousFailures + 1;
  const blocked = consecutiveFailures >= gates.blockAfterConsecutiveFailures;
  const classLabels = [...new Set(verdicts.map((v) => config.labels.failed[v.class]))];
  const addLabels = blocked ? [...classLabels, config.labels.blocked] : classLabels;
  return {
    kind: 'dequeue',
    addLabels: addLabels.filter((l): l is string => typeof l === 'string'),
    blocked,
    consecutiveFailures,
  };
}
