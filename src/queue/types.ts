/**
 * The merge queue's vocabulary. `decide()` takes a `QueueSnapshot` — everything observed
 * about one repository's base branch, from GitHub and from the store — and returns the
 * effects that move it forward. Nothing here performs I/O.
 */
import type { SluiceConfig, ConfigError } from '../config/index.js';
import type { GateVerdictSummary } from './gate-policy.js';

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

/** Where a PR stands among the waiting ones: a higher priority is staged first. */
export type Priority = 'high' | 'normal' | 'low';
export const priorities: readonly Priority[] = ['high', 'normal', 'low'];

/**
 * The queue is paused: nothing new is staged and nothing lands (a staging in flight may finish
 * testing). Set in the config (`queue.freeze`) or, by an operator, in the store.
 */
export interface QueuePause {
  reason: string;
  by: { kind: 'config' } | { kind: 'operator'; login: string };
}

export interface RepoRef {
  owner: string;
  repo: string;
}

/** A pull request as GitHub reports it now. */
export interface ObservedPull {
  number: number;
  state: 'open' | 'closed';
  merged: boolean;
  draft: boolean;
  title: string;
  body: string;
  author: string;
  headSha: string;
  headRef: string;
  /** `owner/name` of the head repository; null when the fork was deleted. */
  headRepo: string | null;
  /** Sluice may move the head branch: same repository, or a fork that allows maintainer edits. */
  headWritable: boolean;
  baseRef: string;
  labels: string[];
  /** Approvals on the current head, one per reviewer, latest review wins. */
  approvals: number;
  /** Someone's latest review requests changes. */
  changesRequested: boolean;
}

/** Someone asked for something: by label, `/sluice …` comment, check run button or dashboard. */
export interface QueueCommand {
  id: string;
  kind: 'queue' | 'dequeue' | 'retry';
  pr: number;
  /** `/sluice queue --priority …`: queue at this priority, or change a queued PR's. */
  priority?: Priority;
  by: string;
  /** The requester's permission on the repository, as observed. */
  permission: Permission;
  source: 'label' | 'comment' | 'button' | 'dashboard';
  at: Date;
}

export type EntryState = 'queued' | 'testing' | 'landing' | 'merged' | 'dequeued' | 'blocked';

/** A PR's place in the queue, from the store. */
export interface QueueEntry {
  id: string;
  pr: number;
  /** The head that was queued (and approved): nothing else may land. */
  headSha: string;
  queuedBy: string;
  queuedAt: Date;
  /** Order of queueing: lower goes first among entries of one priority (see `queueOrder`). */
  seq: number;
  priority: Priority;
  /**
   * The priority label last seen on the PR (and applied), or null: a label added, changed or
   * removed since changes the priority; a command changes it without touching this.
   */
  priorityLabel: string | null;
  state: EntryState;
  consecutiveFailures: number;
}

/**
 * `testing` (CI runs), `passed` (every required check passed, not landed yet), `failed` (a
 * single PR's staging failed behind another still in flight: it waits there, skipped by the
 * stagings behind it, until everything ahead of it has passed) and `landing` are live;
 * `landed`, `abandoned` and `rejected` (judged: the culprit dequeued, or a batch split for
 * bisection) are history.
 */
export type StagingState = 'testing' | 'passed' | 'failed' | 'landing';

/** One PR in a staging: the head that was queued and its own squash commit in the chain. */
export interface StagedPull {
  pr: number;
  headSha: string;
  /** This PR's squash commit: the one its head moves to when it lands. */
  commitSha: string;
}

/**
 * A staging: an ordered list of PRs squashed one by one on top of a commit — the base tip, or
 * the tip of the staging ahead of it in the speculative chain. CI tests the tip (`sha`).
 */
export interface Staging {
  id: string;
  /** The commit the first PR's squash sits on. */
  baseSha: string;
  prs: StagedPull[];
  /** The tip: the last PR's squash commit, which CI tests and the base moves to. */
  sha: string;
  treeSha: string;
  state: StagingState;
  /**
   * A probe tests PRs further back on the base tip while runners are free, to find a broken PR
   * before it reaches the chain; it never lands. When it passes, its PRs are cleared and join
   * the chain in larger batches; when it fails, it is bisected like any batch.
   */
  probe: boolean;
  createdAt: Date;
  /** Checks on the tip, the latest per name. */
  checks: ObservedCheck[];
  /**
   * Set when the tip's tree is one that already failed (in an earlier staging, same content):
   * judged by those verdicts without running CI again.
   */
  knownFailure: GateVerdictSummary[] | null;
}

/** A PR that is part of a batch that failed: it is tested in smaller groups until the culprit is found. */
export interface Suspect {
  /** The failed batch it was in: suspects of one batch are only batched with each other. */
  group: string;
  /** The most PRs of the group tested together next: half the failed batch, rounded up. */
  limit: number;
}

/** Why the last staging built for a PR (at its queued head) could not be built. */
export type BuildFailure =
  | { kind: 'conflict'; files: string[] }
  | { kind: 'head-moved'; headSha: string }
  /** Its squash changes nothing: the base already has its changes (`carriedBy` names a commit). */
  | { kind: 'empty'; carriedBy: string | null };

export interface BuildFailureRecord {
  pr: number;
  failure: BuildFailure;
  /** PRs the squash was built on top of (stagings ahead, earlier PRs of its batch); empty: the base alone. */
  onTopOf: number[];
}

export type CheckConclusion =
  | 'success'
  | 'failure'
  | 'neutral'
  | 'cancelled'
  | 'skipped'
  | 'timed_out'
  | 'action_required'
  | 'stale'
  | 'startup_failure';

/** One check run or commit status on a commit, the latest per name. */
export interface ObservedCheck {
  name: string;
  source: 'check-run' | 'status';
  state: 'pending' | 'completed';
  /** Pending and not picked up by a runner yet (GitHub's `queued`): CI is at capacity. */
  queued?: boolean;
  /** Present when completed. Statuses map success→success, failure/error→failure. */
  conclusion: CheckConclusion | null;
  url: string | null;
  /** Check run id (to fetch jobs and logs), absent for statuses. */
  checkRunId?: number;
}

export interface QueueSnapshot {
  repo: RepoRef;
  baseBranch: string;
  /** Base tip now. */
  baseSha: string;
  config: { ok: true; config: SluiceConfig } | { ok: false; errors: ConfigError[] };
  /** Set while the queue is paused (`queue.freeze` in the config, or an operator). */
  paused: QueuePause | null;
  /** Open PRs on this base that carry the queue label or have an active entry. */
  pulls: ObservedPull[];
  /** Active entries (queued, testing, landing), any order: `queueOrder` sorts them. */
  entries: QueueEntry[];
  commands: QueueCommand[];
  /** Live stagings (testing, passed, failed, landing), in chain order: the first is built on the base. */
  stagings: Staging[];
  /** Check names that must pass: branch protection, rulesets and config together. */
  requiredChecks: string[];
  /** Approvals needed: the most of config, branch protection and rulesets. */
  requiredApprovals: number;
  /** Gate verdicts recorded for failing check runs of live stagings, by check run id. */
  verdicts: Record<string, GateVerdictSummary>;
  /** Re-runs of failed jobs spent: by entry id (ever) and by the repository in the last day. */
  retryUsage: { byEntry: Record<string, number>; byRepoToday: number };
  /** Check run ids already re-run: their failure is old news until the new run reports. */
  rerunCheckRunIds: string[];
  /** Consecutive failures per PR at the head they failed on (survives re-queueing). */
  failureStreaks: Record<number, { headSha: string; count: number }>;
  /** Bisection marks of active entries, by PR number. */
  suspects: Record<number, Suspect>;
  /** Active entries whose last test (a probe, or a staging that did not land) passed. */
  cleared: number[];
  /** The last failed build of each active entry's queued head, by PR number. */
  buildFailures: Record<number, BuildFailureRecord>;
  /** Why a live staging could not land, by staging id. */
  landFailures: Record<string, string>;
  /** The most recent judged stagings, oldest first: how many PRs, and how each ended. */
  recentOutcomes: { size: number; probe: boolean; outcome: 'landed' | 'cleared' | 'rejected' }[];
  now: Date;
}
