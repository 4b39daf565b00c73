import type { AttemptStore, QueueStore, StagingStore } from './queue-store-types.js';
import type { DeliveryLog, LeaseStore, MutationJournal } from './coordination-store-types.js';
import type {
  CommandStore,
  FlakeStats,
  OutboxStore,
  PrCheckRunStore,
  QueueEventLog,
  QueuePauseStore,
  VerdictStore,
} from './notice-store-types.js';

export type * from './records.js';
export type * from './outbox-records.js';
export type * from './queue-store-types.js';
export type * from './coordination-store-types.js';
export type * from './notice-store-types.js';

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
