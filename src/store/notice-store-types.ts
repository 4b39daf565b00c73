/**
 * What Sluice tells and remembers about queues: commands, check runs, verdicts, flakes, the
 * outbox, pauses and queue events.
 */
import type {
  CommandKind,
  CommandSource,
  PrCheckRun,
  QueueCommandRecord,
  StoredVerdict,
  FlakeStat,
  Json,
  Priority,
  PullRequestRef,
  QueueEvent,
  QueueRef,
  StoredPause,
} from './records.js';
import type { NewOutboxRow, OutboxRow } from './outbox-records.js';

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
