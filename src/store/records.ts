/** What the store keeps, in domain words; the Store interface is in types.ts. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A pull request's place in one repository: `repo` is `owner/name`. */
export interface PullRequestRef {
  repo: string;
  number: number;
}

/** One queue: a repository's base branch. */
export interface QueueRef {
  repo: string;
  base: string;
}

/** `merged` and `dequeued` end an entry; the others keep the PR in its queue. */
export type EntryState = 'queued' | 'testing' | 'landing' | 'blocked' | 'merged' | 'dequeued';
export const activeEntryStates = ['queued', 'testing', 'landing', 'blocked'] as const;
export type ActiveEntryState = (typeof activeEntryStates)[number];
export const endedEntryStates = ['merged', 'dequeued'] as const;
export type EndedEntryState = (typeof endedEntryStates)[number];

/** Where an entry waits among the others: a higher priority is staged first. */
export type Priority = 'high' | 'normal' | 'low';
export const priorities = ['high', 'normal', 'low'] as const;

export interface QueueEntry extends PullRequestRef {
  id: number;
  base: string;
  /** Order of queueing within repo/base (among entries of one priority); never reused. */
  sequence: number;
  priority: Priority;
  /** The priority label last seen on the PR, or null (see the core's `QueueEntry`). */
  priorityLabel: string | null;
  /** The head SHA that was queued (and approved); a different head is untested. */
  headSha: string;
  queuedBy: string;
  queuedAt: Date;
  state: EntryState;
  consecutiveFailures: number;
  /** Times the entry was sent back to be tested again (infra, base moved, `/sluice retry`). */
  retryCount: number;
  /** A gate class from src/gates; text, so a new class needs no migration. */
  lastFailureClass: string | null;
  endReason: string | null;
  updatedAt: Date;
}

export interface EntryEvent {
  entryId: number;
  at: Date;
  kind: string;
  detail: Json;
}

export type EntryChanges = Partial<
  Pick<
    QueueEntry,
    | 'state'
    | 'headSha'
    | 'consecutiveFailures'
    | 'retryCount'
    | 'lastFailureClass'
    | 'endReason'
    | 'priority'
    | 'priorityLabel'
  >
>;

export type EnqueueResult =
  { ok: true; entry: QueueEntry } | { ok: false; reason: 'already-queued'; entry: QueueEntry };

/**
 * `building` to `landing` are live: several per queue, in chain order (the order they were
 * created). `landed`, `abandoned` and `rejected` (judged: its checks failed, or a PR could
 * not be squashed) are history. `failed` is live: failed, waiting for the stagings ahead.
 */
export type StagingState = LiveStagingState | EndedStagingState;
export const liveStagingStates = ['building', 'testing', 'passed', 'failed', 'landing'] as const;
/** `cleared`: a probe that passed (its PRs passed together); it never lands. */
export const endedStagingStates = ['landed', 'cleared', 'abandoned', 'rejected'] as const;
export type LiveStagingState = (typeof liveStagingStates)[number];
export type EndedStagingState = (typeof endedStagingStates)[number];

export interface StagedPullRequest {
  entryId: number;
  number: number;
  headSha: string;
  /** This PR's own squash commit in the staging's chain; null until it is built. */
  commitSha: string | null;
}

/** A PR as a new staging names it: its squash commit may not be built yet. */
export type NewStagedPullRequest = Omit<StagedPullRequest, 'commitSha'> & {
  commitSha?: string | null;
};

/**
 * A staging: an ordered list of PRs squashed one by one on top of the base, or of the tip of
 * the staging ahead of it in the speculative chain. `commitSha` is the tip, which CI tests.
 */
export interface StagingRecord extends QueueRef {
  id: number;
  /** The commit the first PR's squash sits on. */
  baseSha: string;
  /** In merge order: each PR is applied on top of the ones before it. */
  prs: StagedPullRequest[];
  ref: string;
  /** Its place in line when built (1: on the base), which names its branch; null before chains. */
  position: number | null;
  /** Tests PRs beside the chain, on the base tip; never lands. */
  probe: boolean;
  commitSha: string | null;
  treeSha: string | null;
  state: StagingState;
  /** Required checks that have not started by then fail the record. */
  checksStartDeadline: Date | null;
  /** Why it could not be built or landed (`{kind: 'conflict', files}`, ...); null otherwise. */
  failure: Json;
  /**
   * The gate verdicts it was rejected with, so a later staging of the same tree is judged
   * without running CI again; null when it was not judged by its checks.
   */
  verdicts: Json;
  createdAt: Date;
  updatedAt: Date;
}

export type StagingChanges = Partial<
  Pick<
    StagingRecord,
    'state' | 'commitSha' | 'treeSha' | 'checksStartDeadline' | 'failure' | 'verdicts'
  >
> & {
  /** Each named PR's squash commit, once built; a PR not in the staging fails the update. */
  prCommits?: { number: number; commitSha: string | null }[];
};

export type AttemptOutcome = 'running' | 'passed' | 'failed' | 'cancelled';

export interface Attempt {
  id: number;
  entryId: number;
  stagingId: number;
  startedAt: Date;
  finishedAt: Date | null;
  outcome: AttemptOutcome;
  failureClass: string | null;
  evidence: Json;
  rerunsUsed: number;
}

export interface RetryBudgetUsage {
  entryReruns: number;
  repoRerunsSince: number;
}

export type MutationKind =
  | 'create-ref'
  | 'update-ref'
  | 'delete-ref'
  | 'create-commit'
  | 'merge-branch'
  | 'merge-pr'
  | 'add-label'
  | 'remove-label'
  | 'create-comment'
  | 'create-check-run'
  | 'update-check-run';

/** `pending` and `unknown` are open: a restarted app must finish or roll them back. */
export type MutationStatus = 'pending' | 'done' | 'failed' | 'unknown';

export interface MutationIntent {
  repo: string;
  kind: MutationKind;
  /** What is changed: a ref name, `pr#12`, `label:merge-queue@pr#12`. */
  target: string;
  expectedOld: string | null;
  newValue: string | null;
  idempotencyKey: string;
  entryId?: number;
  stagingId?: number;
}

export interface JournalRow extends Omit<MutationIntent, 'entryId' | 'stagingId'> {
  id: number;
  entryId: number | null;
  stagingId: number | null;
  status: MutationStatus;
  result: Json;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface Lease {
  name: string;
  holder: string;
  expiresAt: Date;
  /** Grows whenever the lease goes to a holder anew: the fencing token its writes check. */
  generation: number;
}

/** How a holder's turn ended: released, kept because someone asked for a run meanwhile, or no longer its own. */
export type LeaseHandover = 'released' | 'run-again' | 'lost';

export type LeaseResult = { ok: true; lease: Lease } | { ok: false; current: Lease | undefined };

export interface FlakeStat {
  repo: string;
  job: string;
  signature: string;
  count: number;
  lastSeenAt: Date;
  lastSha: string;
}

export type CommandKind = 'queue' | 'dequeue' | 'retry';
/** Where a request came from: a label, a `/sluice` comment, a check run button, the dashboard. */
export type CommandSource = 'label' | 'comment' | 'button' | 'dashboard';

/** A request to the queue that the next reconcile of its base acts on, then consumes. */
export interface QueueCommandRecord extends QueueRef {
  id: number;
  number: number;
  kind: CommandKind;
  /** `/sluice queue --priority …`; null: none asked for. */
  priority: Priority | null;
  requestedBy: string;
  source: CommandSource;
  requestedAt: Date;
  consumedAt: Date | null;
}

/** The `Sluice` check run on one PR head, and a fingerprint of what it last said. */
export interface PrCheckRun extends PullRequestRef {
  headSha: string;
  checkRunId: number;
  /** GraphQL's id of the run (`updateCheckRun` takes it); null for runs saved before 0008. */
  nodeId: string | null;
  fingerprint: string;
  updatedAt: Date;
}

/** A gate verdict on one failing check run of a staging commit. */
export interface StoredVerdict {
  stagingId: number;
  checkRunId: string;
  checkName: string;
  class: string;
  verdict: Json;
  rerunAt: Date | null;
  createdAt: Date;
}

/** An operator's pause of one queue (from the dashboard): nothing is staged or landed meanwhile. */
export interface StoredPause extends QueueRef {
  reason: string;
  /** The login of whoever paused it. */
  pausedBy: string;
  pausedAt: Date;
}

/**
 * Something that happened to a queue as a whole rather than to one entry (`paused`,
 * `resumed`): the dashboard's history. `kind` is text, so a new kind needs no migration.
 */
export interface QueueEvent extends QueueRef {
  id: number;
  at: Date;
  kind: string;
  /** The login of whoever caused it; null when Sluice did. */
  actor: string | null;
  detail: Json;
}
