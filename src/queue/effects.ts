/**
 * What `decide()` asks the orchestrator to do. Each effect carries the facts it was decided
 * on (expected heads and bases), so applying it can verify its own preconditions and a stale
 * effect fails safe instead of acting on a world that moved.
 */
import type { Permission, Staging } from './types.js';
import type { GateVerdictSummary } from './gate-policy.js';

export type Refusal =
  | { kind: 'permission'; by: string; has: Permission; needs: Permission }
  | { kind: 'draft' }
  | { kind: 'closed' }
  | { kind: 'blocked'; failures: number }
  | { kind: 'title-grammar'; title: string }
  | { kind: 'config-broken' };

export type DequeueReason =
  | { kind: 'unlabeled' }
  | { kind: 'closed' }
  | { kind: 'command'; by: string }
  | { kind: 'head-moved'; from: string; to: string }
  | { kind: 'conflict'; files: string[] }
  | { kind: 'checks-failed'; verdicts: GateVerdictSummary[] }
  | { kind: 'check-missing'; check: string; waitedMinutes: number }
  | { kind: 'no-checks'; waitedMinutes: number }
  | { kind: 'blocked'; failures: number; verdicts: GateVerdictSummary[] }
  | { kind: 'land-failed'; reason: string };

export type Effect =
  | { kind: 'enqueue'; pr: number; headSha: string; by: string; commandId: string }
  | {
      kind: 'refuse';
      pr: number;
      headSha: string;
      commandId: string;
      reason: Refusal;
      removeLabel: boolean;
    }
  | { kind: 'drop-command'; commandId: string }
  | { kind: 'retest-new-head'; entryId: string; pr: number; headSha: string }
  | {
      kind: 'dequeue';
      entryId: string;
      pr: number;
      headSha: string;
      reason: DequeueReason;
      removeLabel: boolean;
      /** Outcome labels to add (e.g. `sluice:fmt`, `sluice:blocked`). */
      addLabels: string[];
      /** The counter after this failure; 0 when the dequeue is not a failure. */
      consecutiveFailures: number;
    }
  | {
      kind: 'build-staging';
      baseSha: string;
      prs: { pr: number; headSha: string; entryId: string }[];
    }
  | {
      kind: 'abandon-staging';
      stagingId: string;
      reason: 'base-moved' | 'pr-left';
      deleteBranch: boolean;
    }
  | { kind: 'classify-failures'; stagingId: string; checks: string[] }
  | { kind: 'rerun-failed'; stagingId: string; checks: string[]; pr: number }
  | { kind: 'land'; staging: Staging; method: 'fast-forward' | 'merge-api' }
  /**
   * A landing moved a PR head to the staging commit, but the base never followed (a crash or a
   * lost answer between the two writes of the two-step path) and has moved on since: the
   * author's head goes back to the commit that was queued, only if it is still at ours.
   */
  | { kind: 'restore-head'; stagingId: string; pr: number; from: string; to: string }
  | {
      kind: 'finish-merged';
      entryId: string;
      pr: number;
      headSha: string;
      stagingSha: string | null;
    };
