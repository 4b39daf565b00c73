import type {
  Attempt,
  AttemptOutcome,
  CommandKind,
  CommandSource,
  PrCheckRun,
  QueueCommandRecord,
  StoredVerdict,
  EnqueueResult,
  EntryChanges,
  ActiveEntryState,
  EntryEvent,
  FlakeStat,
  JournalRow,
  Json,
  LeaseHandover,
  LeaseResult,
  MutationIntent,
  MutationStatus,
  Priority,
  PullRequestRef,
  QueueEntry,
  QueueEvent,
  QueueRef,
  RetryBudgetUsage,
  NewStagedPullRequest,
  StagingChanges,
  StagingRecord,
  StagingState,
  StoredPause,
} from './records.js';
import type { NewOutboxRow, OutboxRow } from './outbox-records.js';

export type * from './records.js';
export type * from './outbox-records.js';

/**
 * The store keeps only what GitHub cannot; labels, heads and checks are read from GitHub.
 * Times the domain reasons about are passed in as `now`, so one fake clock drives tests.
 */
export interface Store {
  queue: QueueStore;
  staging: StagingStore;
  attempts: AttemptStore;
  journal: MutationJournal;
  deliveries: DeliveryLog;
  leases: LeaseStore;
  flakes: FlakeStats;
  commands: CommandStore;
  checkRuns: PrCheckRunStore;
  verdicts: VerdictStore;
  outbox: OutboxStore;
  pauses: QueuePauseStore;
  queueEvents: QueueEventLog;
  /** Resolves when the database answers a trivial query: what `/sluice/ready` checks. */
  ping(): Promise<void>;
  /** Runs `work` on a store whose changes commit together or not at all. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

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
  listEvents(entryId: number): Promise<EntryEvent[]>;
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

export interface MutationJournal {
  /** Before the GitHub call. A reused idempotency key returns the row already there. */
  recordIntent(
    intent: MutationIntent & { now: Date },
  ): Promise<{ created: boolean; row: JournalRow }>;
  /** After the GitHub call. `unknown` stays open; a finished row never changes again. */
  recordOutcome(outcome: {
    id: number;
    now: Date;
    status: Exclude<MutationStatus, 'pending'>;
    result?: Json;
  }): Promise<JournalRow>;
  /** Pending and unknown rows of a repository, oldest first. */
  listOpen(repo: string): Promise<JournalRow[]>;
  findByKey(idempotencyKey: string): Promise<JournalRow | undefined>;
}

export interface DeliveryLog {
  /** False when the delivery id was already recorded. */
  record(deliveryId: string, now: Date): Promise<boolean>;
  /** Forgets ids recorded more than `olderThanDays` before `now`; returns how many. */
  prune(query: { now: Date; olderThanDays: number }): Promise<number>;
}

export interface LeaseRequest {
  name: string;
  holder: string;
  /** The caller's clock: SQLite (one process) judges expiry by it, PostgreSQL by its own. */
  now: Date;
  ttlMs: number;
}

/** A lease as its holder knows it: the generation is what a takeover changes. */
export interface HeldLease {
  name: string;
  holder: string;
  generation: number;
}

/**
 * Expiry is judged by the database's clock on PostgreSQL (replicas' clocks may disagree) and
 * by the caller's `now` on SQLite, where one process holds the file.
 */
export interface LeaseStore {
  /**
   * Takes the lease when free, expired or already ours (then extends it). Taken anew, it moves
   * to the next generation and drops any run-again mark: the new holder observes everything.
   */
  acquire(request: LeaseRequest): Promise<LeaseResult>;
  /** Extends only an unexpired lease we hold: after a lapse, acquire again and re-observe. */
  renew(request: LeaseRequest & { generation?: number }): Promise<LeaseResult>;
  /** The fence before a GitHub write: still ours, at this generation, unexpired. */
  holds(lease: HeldLease & { now: Date }): Promise<boolean>;
  /**
   * Asks the current holder to run once more before it lets go (a request turned away by a
   * busy lease). False when nobody holds the lease: then acquire it instead.
   */
  requestRun(request: { name: string; now: Date }): Promise<boolean>;
  /**
   * The holder is done. With a run-again mark it clears the mark and keeps (extends) the
   * lease: `run-again`. Otherwise it releases: `released`. `lost` when it is no longer ours.
   */
  handOver(request: LeaseRequest & { generation: number }): Promise<LeaseHandover>;
  /** Lets go of our lease whatever its marks (which the next holder's full run covers). */
  release(lease: { name: string; holder: string }): Promise<boolean>;
}

export interface FlakeStats {
  record(sighting: {
    repo: string;
    job: string;
    signature: string;
    sha: string;
    now: Date;
  }): Promise<FlakeStat>;
  /** Most frequent first. */
  list(repo: string): Promise<FlakeStat[]>;
}

export interface CommandStore {
  record(
    command: QueueRef & {
      number: number;
      kind: CommandKind;
      /** `/sluice queue --priority …`; absent or null: none asked for. */
      priority?: Priority | null;
      requestedBy: string;
      source: CommandSource;
      now: Date;
    },
  ): Promise<QueueCommandRecord>;
  /** Not yet consumed, oldest first. */
  listPending(queue: QueueRef): Promise<QueueCommandRecord[]>;
  /** False when it was consumed already (by another replica). */
  consume(command: { id: number; now: Date }): Promise<boolean>;
  /** Queues with commands waiting: the sweep reconciles them too. */
  listPendingQueues(): Promise<QueueRef[]>;
}

export interface PrCheckRunStore {
  get(key: PullRequestRef & { headSha: string }): Promise<PrCheckRun | undefined>;
  save(run: Omit<PrCheckRun, 'updatedAt'> & { now: Date }): Promise<void>;
}

export interface VerdictStore {
  save(verdict: Omit<StoredVerdict, 'rerunAt' | 'createdAt'> & { now: Date }): Promise<void>;
  listForStaging(stagingId: number): Promise<StoredVerdict[]>;
  markRerun(rerun: { stagingId: number; checkRunId: string; now: Date }): Promise<void>;
}

/** What Sluice will tell people, recorded with the decision and delivered after it. */
export interface OutboxStore {
  /** Appends rows in order; a row whose dedupe key is already there is skipped. Returns how many were new. */
  record(rows: NewOutboxRow[], now: Date): Promise<number>;
  /** Pending and sending rows of a queue, oldest first: the order they are delivered in. */
  listUndelivered(queue: QueueRef): Promise<OutboxRow[]>;
  /** Pending and sending rows of a repository, oldest first (for `sluice doctor`). */
  listUndeliveredIn(repo: string): Promise<OutboxRow[]>;
  /** The newest check-run row of a PR head, in any state. */
  latestCheckRun(key: PullRequestRef & { headSha: string }): Promise<OutboxRow | undefined>;
  /**
   * The newest check-run row, in any state, of each active entry's queued head in the queue
   * (one query, by PR number): what the dashboard says each entry waits on.
   */
  latestCheckRunsIn(queue: QueueRef): Promise<OutboxRow[]>;
  /** Before the GitHub write: `sending`, one more attempt. */
  markSending(row: { id: number; now: Date }): Promise<OutboxRow>;
  markDelivered(row: { id: number; now: Date; note?: string }): Promise<OutboxRow>;
  markFailed(row: { id: number; now: Date; note: string }): Promise<OutboxRow>;
  /** The write's outcome is unknown: it stays `sending`, with why. */
  markUnanswered(row: { id: number; now: Date; note: string }): Promise<OutboxRow>;
  /** Nothing was written (rate limited): back to `pending`, attempts kept. */
  markPending(row: { id: number; now: Date; note: string }): Promise<OutboxRow>;
  /** Queues with rows to deliver: the sweep reconciles them too. */
  listPendingQueues(): Promise<QueueRef[]>;
}

/**
 * Queues an operator paused. The config's `queue.freeze` pauses a queue too, but lives in the
 * config; the reconcile reads both. Each change is recorded in the queue's events with it.
 */
export interface QueuePauseStore {
  get(queue: QueueRef): Promise<StoredPause | undefined>;
  /**
   * Pauses the queue. An already paused queue keeps its pause (who, since when), `changed`
   * false, unless the reason differs: then the reason is replaced, `changed` true.
   */
  pause(
    pause: QueueRef & { reason: string; by: string; now: Date },
  ): Promise<{ changed: boolean; pause: StoredPause }>;
  /** False when the queue was not paused. */
  resume(resume: QueueRef & { by: string; now: Date }): Promise<boolean>;
  /** In repo, base order. */
  listPaused(): Promise<QueueRef[]>;
}

/** What happened to queues as a whole (pauses, resumes), for the dashboard's history. */
export interface QueueEventLog {
  record(
    event: QueueRef & { kind: string; actor: string | null; detail?: Json; now: Date },
  ): Promise<QueueEvent>;
  /** The newest `limit` events of the queue, newest first. */
  list(query: QueueRef & { limit: number }): Promise<QueueEvent[]>;
}
