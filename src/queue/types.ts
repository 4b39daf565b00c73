/**
 * The merge queue's vocabulary. `decide()` takes a `QueueSnapshot` — everything observed
 * about one repository's base branch, from GitHub and from the store — and returns the
 * effects that move it forward. Nothing here performs I/O.
 */
import type { SluiceConfig, ConfigError } from '../config/index.js';
import type { GateVerdictSummary, RetryBudget } from './gate-policy.js';

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

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

/** Someone asked for something: by label, `/sluice …` comment, or a check run button. */
export interface QueueCommand {
  id: string;
  kind: 'queue' | 'dequeue' | 'retry';
  pr: number;
  by: string;
  /** The requester's permission on the repository, as observed. */
  permission: Permission;
  source: 'label' | 'comment' | 'button';
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
  /** Queue order: lower goes first. */
  seq: number;
  state: EntryState;
  consecutiveFailures: number;
}

export type StagingState = 'testing' | 'passed' | 'failed' | 'landing' | 'landed' | 'abandoned';

/**
 * A staging commit: the squash of an ordered list of PRs on top of a base commit. One PR per
 * staging today; batches and speculative stacks fit the same record.
 */
export interface Staging {
  id: string;
  baseSha: string;
  prs: { pr: number; headSha: string }[];
  sha: string;
  treeSha: string;
  state: StagingState;
  createdAt: Date;
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
  /** Present when completed. Statuses map success→success, failure/error→failure. */
  conclusion: CheckConclusion | null;
  url: string | null;
  /** Check run id (to fetch jobs and logs), absent for statuses. */
  checkRunId?: number;
}

/** Why building a staging commit failed, recorded by the orchestrator. */
export type BuildFailure =
  { kind: 'conflict'; files: string[] } | { kind: 'head-moved'; headSha: string };

/** What the orchestrator learnt from its last attempt for the head of the queue. */
export type LastOutcome =
  | { kind: 'build-failed'; pr: number; failure: BuildFailure }
  | { kind: 'land-failed'; stagingId: string; reason: string };

export interface QueueSnapshot {
  repo: RepoRef;
  baseBranch: string;
  /** Base tip now. */
  baseSha: string;
  config: { ok: true; config: SluiceConfig } | { ok: false; errors: ConfigError[] };
  /** Open PRs on this base that carry the queue label or have an active entry. */
  pulls: ObservedPull[];
  /** Active entries (queued, testing, landing), any order. */
  entries: QueueEntry[];
  commands: QueueCommand[];
  /** The staging in flight, if any. */
  staging: Staging | null;
  /** Checks on the staging commit. */
  stagingChecks: ObservedCheck[];
  /** Check names that must pass: branch protection, rulesets and config together. */
  requiredChecks: string[];
  /** Approvals needed: the most of config, branch protection and rulesets. */
  requiredApprovals: number;
  /** Gate verdicts recorded for failing check runs of the staging commit, by check run id. */
  verdicts: Record<string, GateVerdictSummary>;
  retryBudget: RetryBudget;
  /** Check run ids already re-run: their failure is old news until the new run reports. */
  rerunCheckRunIds: string[];
  /** Consecutive failures per PR at the head they failed on (survives re-queueing). */
  failureStreaks: Record<number, { headSha: string; count: number }>;
  lastOutcome: LastOutcome | null;
  now: Date;
}
