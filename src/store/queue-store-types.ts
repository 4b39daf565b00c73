/** The queue's own records: entries, stagings and the attempts that tie them (see types.ts). */
import type {
  Attempt,
  AttemptOutcome,
  EnqueueResult,
  EntryChanges,
  ActiveEntryState,
  EntryEvent,
  Json,
  Priority,
  PullRequestRef,
  QueueEntry,
  QueueRef,
  RetryBudgetUsage,
  NewStagedPullRequest,
  StagingChanges,
  StagingRecord,
  StagingState,
} from './records.js';

export interface NewEntry extends PullRequestRef {
  base: string;
  headSha: string;
  queuedBy: string;
  now: Date;
  /** Carried over from the PR's previous entry when the domain says failures accumulate. */
  consecutiveFailures?: number;
  /** `normal` unless given. */
  priority?: Priority;
  /** The priority label on the PR when it was queued. */
  priorityLabel?: string | null;
}

export interface ActiveEntryCount extends QueueRef {
  state: ActiveEntryState;
  count: number;
}

export interface EntryUpdate {
  entryId: number;
  now: Date;
  changes: EntryChanges;
  event: { kind: string; detail?: Json };
}

export interface EntryHistoryQuery extends QueueRef {
  /** Entries last changed before this are left out. */
  since: Date;
  /** At most this many: the newest ones. */
  limit: number;
}

export interface QueueStore {
  /** Appends the PR with the next sequence number, unless it already has an active entry. */
  enqueue(entry: NewEntry): Promise<EnqueueResult>;
  get(entryId: number): Promise<QueueEntry | undefined>;
  findActive(pr: PullRequestRef): Promise<QueueEntry | undefined>;
  /** Active entries (blocked ones too) in the order they were queued; the core puts priorities first. */
  list(queue: QueueRef): Promise<QueueEntry[]>;
  /** Every entry the PR ever had, oldest first. */
  listForPullRequest(pr: PullRequestRef): Promise<QueueEntry[]>;
  /** Queues holding an active entry: what the start-up and periodic sweeps reconcile. */
  listActiveQueues(): Promise<QueueRef[]>;
  /** How many active entries each queue holds in each state (one grouped query: the metrics). */
  countActive(): Promise<ActiveEntryCount[]>;
  /**
   * Ended entries (`merged`, `dequeued`) last changed at or after `since`: the newest `limit`
   * of them, newest first. What the dashboard's history shows.
   */
  listEnded(query: EntryHistoryQuery): Promise<QueueEntry[]>;
  /** Applies the changes (possibly none) and appends the event, atomically. */
  update(update: EntryUpdate): Promise<QueueEntry>;
  /** The entry's history, oldest first. */
  listEvents(entryId: number): Promise<EntryEvent[]>;
  /**
   * The histories of several entries at once (a page of them: one query per few hundred ids,
   * not one per entry): grouped by entry in ascending id order, each oldest first as
   * `listEvents` returns it. Unknown ids and repeats add nothing; no ids, no events.
   */
  listEventsFor(entryIds: readonly number[]): Promise<EntryEvent[]>;
}

export interface NewStaging extends QueueRef {
  baseSha: string;
  /** In merge order; a PR's squash commit may be given now or set later by `update`. */
  prs: NewStagedPullRequest[];
  ref: string;
  /** Its place in line (1: on the base), as in the branch name `sluice/staging/<base>/<n>`. */
  position?: number;
  probe?: boolean;
  now: Date;
  checksStartDeadline?: Date;
}

export interface StagingHistoryQuery extends QueueRef {
  /** Records created before this are left out. */
  since: Date;
  /** At most this many: the newest ones. */
  limit: number;
}

export interface StagingStore {
  /** Starts in `building`, without commit and tree until they are set. */
  create(staging: NewStaging): Promise<StagingRecord>;
  get(id: number): Promise<StagingRecord | undefined>;
  /**
   * In creation order, oldest first, which for live stagings is chain order (the first is
   * built on the base); `states` narrows the list.
   */
  list(query: QueueRef & { states?: readonly StagingState[] }): Promise<StagingRecord[]>;
  /**
   * Ended records (`landed`, `abandoned`, `rejected`) created at or after `since`: the newest
   * `limit` of them, returned oldest first. What the queue learns from history is read here.
   */
  listEnded(query: StagingHistoryQuery): Promise<StagingRecord[]>;
  /** Applies the changes, PR commits included, atomically. */
  update(update: { id: number; now: Date; changes: StagingChanges }): Promise<StagingRecord>;
}

export interface AttemptResult {
  attemptId: number;
  now: Date;
  outcome: Exclude<AttemptOutcome, 'running'>;
  failureClass?: string;
  evidence?: Json;
}

export interface AttemptStore {
  start(attempt: { entryId: number; stagingId: number; now: Date }): Promise<Attempt>;
  /** Counts one rerun of failed jobs against the retry budget. */
  recordRerun(rerun: { attemptId: number; now: Date }): Promise<Attempt>;
  finish(result: AttemptResult): Promise<Attempt>;
  listForEntry(entryId: number): Promise<Attempt[]>;
  /** Reruns by one entry (ever) and by its repository since `since` (say, the day's start). */
  retryBudgetUsage(query: {
    entryId: number;
    repo: string;
    since: Date;
  }): Promise<RetryBudgetUsage>;
}
