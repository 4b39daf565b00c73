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
  EntryEvent,
  FlakeStat,
  JournalRow,
  Json,
  LeaseResult,
  MutationIntent,
  MutationStatus,
  PullRequestRef,
  QueueEntry,
  QueueRef,
  RetryBudgetUsage,
  StagedPullRequest,
  StagingChanges,
  StagingRecord,
  StagingState,
} from './records.js';

export type * from './records.js';

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
  close(): Promise<void>;
}

export interface NewEntry extends PullRequestRef {
  base: string;
  headSha: string;
  queuedBy: string;
  now: Date;
  /** Carried over from the PR's previous entry when the domain says failures accumulate. */
  consecutiveFailures?: number;
}

export interface EntryUpdate {
  entryId: number;
  now: Date;
  changes: EntryChanges;
  event: { kind: string; detail?: Json };
}

export interface QueueStore {
  /** Appends the PR with the next sequence number, unless it already has an active entry. */
  enqueue(entry: NewEntry): Promise<EnqueueResult>;
  get(entryId: number): Promise<QueueEntry | undefined>;
  findActive(pr: PullRequestRef): Promise<QueueEntry | undefined>;
  /** Active entries (blocked ones too) in queue order. */
  list(queue: QueueRef): Promise<QueueEntry[]>;
  /** Every entry the PR ever had, oldest first. */
  listForPullRequest(pr: PullRequestRef): Promise<QueueEntry[]>;
  /** Queues holding an active entry: what the start-up and periodic sweeps reconcile. */
  listActiveQueues(): Promise<QueueRef[]>;
  /** Applies the changes (possibly none) and appends the event, atomically. */
  update(update: EntryUpdate): Promise<QueueEntry>;
  listEvents(entryId: number): Promise<EntryEvent[]>;
}

export interface NewStaging extends QueueRef {
  baseSha: string;
  prs: StagedPullRequest[];
  ref: string;
  now: Date;
  checksStartDeadline?: Date;
}

export interface StagingStore {
  /** Starts in `building`, without commit and tree until they are set. */
  create(staging: NewStaging): Promise<StagingRecord>;
  get(id: number): Promise<StagingRecord | undefined>;
  /** Oldest first; `states` narrows the list. */
  list(query: QueueRef & { states?: StagingState[] }): Promise<StagingRecord[]>;
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
  now: Date;
  ttlMs: number;
}

export interface LeaseStore {
  /** Takes the lease when free, expired or already ours (then extends it). */
  acquire(request: LeaseRequest): Promise<LeaseResult>;
  /** Extends only an unexpired lease we hold: after a lapse, acquire again and re-observe. */
  renew(request: LeaseRequest): Promise<LeaseResult>;
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
