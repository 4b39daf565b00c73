/**
 * What `decide()` asks the orchestrator to do. Each effect carries the facts it was decided
 * on (expected heads and bases), so applying it can verify its own preconditions and a stale
 * effect fails safe instead of acting on a world that moved.
 */
import type { Permission, Priority, Staging } from './types.js';
import type { GateVerdictSummary } from './gate-policy.js';

export type Refusal =
  | { kind: 'permission'; by: string; has: Permission; needs: Permission }
  | { kind: 'draft' }
  | { kind: 'closed' }
  | { kind: 'blocked'; failures: number }
  | { kind: 'title-grammar'; title: string }
  | { kind: 'config-broken' }
  /** `--priority` on a queued PR from someone below `queue.minimumPermission`: it keeps its priority. */
  | { kind: 'priority-permission'; by: string; has: Permission; needs: Permission };

/** What changed a queued PR's priority. */
export type PriorityCause =
  | { kind: 'command'; by: string; commandId: string }
  | { kind: 'label'; label: string }
  | { kind: 'label-removed'; label: string };

export type DequeueReason =
  | { kind: 'unlabeled' }
  | { kind: 'closed' }
  | { kind: 'command'; by: string }
  | { kind: 'head-moved'; from: string; to: string }
  | { kind: 'conflict'; files: string[] }
  /** Its squash changes nothing on the base; `carriedBy` is a commit that already has it. */
  | { kind: 'empty'; carriedBy: string | null }
  | { kind: 'checks-failed'; verdicts: GateVerdictSummary[] }
  | { kind: 'check-missing'; check: string; waitedMinutes: number }
  | { kind: 'no-checks'; waitedMinutes: number }
  | { kind: 'blocked'; failures: number; verdicts: GateVerdictSummary[] }
  | { kind: 'land-failed'; reason: string };

export type Effect =
  | {
      kind: 'enqueue';
      pr: number;
      headSha: string;
      by: string;
      commandId: string;
      priority: Priority;
      /** The priority label on the PR when it was queued, seen (see `QueueEntry.priorityLabel`). */
      priorityLabel: string | null;
    }
  /** A queued PR's priority changes; an event in its history, and the requester is answered. */
  | {
      kind: 'set-priority';
      entryId: string;
      pr: number;
      headSha: string;
      from: Priority;
      to: Priority;
      priorityLabel: string | null;
      cause: PriorityCause;
    }
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
  /**
   * Squash the PRs one by one on top of `baseSha` (the base tip, or the tip of the staging
   * ahead, `aheadId`) and push the tip to the staging branch at `position` in line.
   */
  | {
      kind: 'build-staging';
      baseSha: string;
      aheadId: string | null;
      position: number;
      /** Tests PRs out of line, on the base tip, to learn which are broken: never lands. */
      probe: boolean;
      prs: { pr: number; headSha: string; entryId: string }[];
    }
  /** Drop a staging (and cancel its CI, freeing runners): what it tests will not land. */
  | {
      kind: 'abandon-staging';
      stagingId: string;
      /** `priority`: a PR of a higher priority goes first (`queue.priority.interrupt`). */
      reason: 'base-moved' | 'pr-left' | 'ahead-failed' | 'make-way' | 'priority';
      deleteBranch: boolean;
    }
  /**
   * A staging failed with a verdict that is not retried. `wait`: a single PR behind stagings
   * still in flight keeps its place, failed, until they pass (the failure may be theirs);
   * `reject`: judged, the staging is over (a batch splits for bisection, a culprit leaves).
   */
  | {
      kind: 'fail-staging';
      stagingId: string;
      verdicts: GateVerdictSummary[];
      outcome: 'wait' | 'reject';
    }
  /** A probe passed: its PRs are cleared, the probe is over (its remaining runs cancelled). */
  | { kind: 'clear-probe'; stagingId: string }
  | { kind: 'classify-failures'; stagingId: string; checks: string[] }
  | { kind: 'rerun-failed'; stagingId: string; checks: string[]; prs: number[] }
  /**
   * Land a chain of passed stagings from the front: every PR head moves to its own squash
   * commit and the base fast-forwards to the last tip (`merge-api`: one single-PR staging).
   */
  | { kind: 'land'; stagings: Staging[]; method: 'fast-forward' | 'merge-api' }
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
