/**
 * The simulator's world: PRs, a base branch, stagings and CI runs on a pool of runners, in
 * virtual time. It stands where GitHub, CI and the store stand for the app, so the real
 * `decide()` can be driven through thousands of PRs in seconds.
 */
import type { GateVerdictSummary } from '../queue/gate-policy.js';
import type { EndedStaging } from '../queue/history.js';
import type { QueueCommand, QueueEntry, StagedPull, StagingState } from '../queue/types.js';

export interface SimulationParameters {
  prs: number;
  /** Chance that a PR breaks the build (its test fails on any tree that contains it). */
  failRate: number;
  /** Chance that a CI run fails for no reason of its own (an infra flake, retried). */
  flakyRate: number;
  ciMinutes: number;
  runners: number;
  /**
   * PRs queued per hour (Poisson); `saturation` keeps the queue from ever running dry;
   * `at-once` queues every PR in the first moments, a second apart (a backlog labelled at
   * once, as a benchmark does: each label is a webhook of its own, and the queue starts on
   * the first).
   */
  arrivalRate: number | 'saturation' | 'at-once';
  seed: number;
  /** PRs whose tests fail, by number (1-based); when set, `failRate` is not used. */
  failing?: number[];
}

export interface SimPull {
  number: number;
  bad: boolean;
  headSha: string;
  queuedAt: number | null;
  mergedAt: number | null;
  dequeuedAt: number | null;
  dequeueReason: string | null;
  /** Landing order, for the queue-order check. */
  landedIndex: number | null;
}

export interface SimStaging {
  id: string;
  baseSha: string;
  prs: StagedPull[];
  sha: string;
  /** PRs its tip holds beyond the base it was built on (the chain's and its own). */
  content: number[];
  /** The tip's content: everything landed before it was built, plus the chain's PRs. */
  tree: string;
  state: StagingState;
  probe: boolean;
  createdAt: number;
  /** CI runs of this staging, newest last (a re-run of failed jobs adds one). */
  runs: SimRun[];
  knownFailure: GateVerdictSummary[] | null;
}

export interface SimRun {
  checkRunId: number;
  stagingId: string;
  queuedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  /** Decided when it is created: fails because of a bad PR (`test`) or a flake (`infra`). */
  outcome: 'success' | 'test' | 'infra';
  cancelled: boolean;
  verdict: GateVerdictSummary | null;
  rerun: boolean;
}

export interface SimWorld {
  now: number;
  baseSha: string;
  /** PR numbers landed, in order: the base's content. */
  landed: number[];
  /** The base's content as a set hash (see `treeOf`): equal content, equal tree, as in git. */
  landedHash: [number, number];
  pulls: Map<number, SimPull>;
  entries: QueueEntry[];
  commands: QueueCommand[];
  live: SimStaging[];
  ended: EndedStaging[];
  runs: SimRun[];
  /** Runs waiting for a runner, oldest first. */
  waiting: SimRun[];
  running: SimRun[];
  retriesByEntry: Map<string, number>;
  /** Re-runs in the repository on the simulated day `retryDay` (the budget is per UTC day). */
  retriesToday: number;
  retryDay: number;
  failureStreaks: Record<number, { headSha: string; count: number }>;
  nextId: number;
  /** Effects applied, for the stall check. */
  effects: number;
  /** How each ended staging ended (`chain landed`, `probe rejected`, …): runner time by kind. */
  endedAs: Map<string, string>;
}
