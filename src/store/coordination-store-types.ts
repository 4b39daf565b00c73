/** What keeps replicas and GitHub writes in step: the journal, deliveries and leases. */
import type {
  JournalRow,
  Json,
  LeaseHandover,
  LeaseResult,
  MutationIntent,
  MutationStatus,
} from './records.js';

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
