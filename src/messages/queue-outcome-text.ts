import type { GateVerdictSummary } from '../queue/gate-policy.js';
import type { CheckRunConclusion } from './queue-message-types.js';

/**
 * An outcome — dequeued or refused — in parts, so the comment and the check run tell it in
 * the same words: `lead` says what happened, `verdicts` show the evidence, `next` what to do.
 */
export interface OutcomeText {
  conclusion: CheckRunConclusion;
  /** Opens the comment ("**Dequeued.** …"); the check run's title says it instead. */
  headline: 'Dequeued' | 'Left the merge queue' | 'Blocked' | 'Not queued' | 'Priority not changed';
  /** Plain text: check run titles are not markdown. */
  title: string;
  lead: string[];
  verdicts: GateVerdictSummary[];
  next: string[];
  /** Offer the Retry button: the outcome was a failure someone may want to run again. */
  retry: boolean;
}
