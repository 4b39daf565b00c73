/**
 * The records `buildQueueView` reads, as the store gives them: only the fields it uses, so the
 * store's own types (src/store/records.ts, outbox-records.ts) fit without this pure module
 * importing an adapter. The tests pass store records in, which keeps the two in step.
 */
import type { Priority } from '../queue/types.js';

/** A queue entry (the store's `QueueEntry`). */
export interface EntryRecord {
  id: number;
  number: number;
  /** Order of queueing among entries of one priority. */
  sequence: number;
  priority: Priority;
  headSha: string;
  queuedBy: string;
  queuedAt: Date;
  /** `queued`, `testing`, `landing`, `blocked`; `merged` or `dequeued` once ended. */
  state: string;
  lastFailureClass: string | null;
  endReason: string | null;
  updatedAt: Date;
}

/** One event of an entry's history (the store's `EntryEvent`); `detail` is stored JSON. */
export interface EntryEventRecord {
  entryId: number;
  at: Date;
  kind: string;
  detail: unknown;
}

/** A staging (the store's `StagingRecord`). */
export interface StagingInput {
  id: number;
  prs: readonly { entryId: number; number: number }[];
  probe: boolean;
  commitSha: string | null;
  /** Live: `building`, `testing`, `passed`, `failed`, `landing`; ended: `landed`, `cleared`, … */
  state: string;
  createdAt: Date;
  /** For an ended staging, when it ended: nothing writes a staging after its end. */
  updatedAt: Date;
}

/** An outbox row of kind `check-run` (the store's `OutboxRow`). */
export interface CheckRunRowInput {
  number: number;
  headSha: string;
  kind: string;
  /** `{ render: { title, … }, fingerprint }`, as recorded by src/reconcile/outbox/notice.ts. */
  payload: unknown;
  createdAt: Date;
}

/** How often one failure signature turned green on a re-run (the store's `FlakeStat`). */
export interface FlakeInput {
  job: string;
  signature: string;
  count: number;
  lastSeenAt: Date;
}

/** A queue-level event: `paused` (`detail.reason`), `resumed`. Others are not shown. */
export interface QueueEventInput {
  at: Date;
  kind: string;
  actor: string | null;
  detail: unknown;
}

/** An operator's pause from the store. */
export interface OperatorPause {
  reason: string;
  pausedBy: string;
  pausedAt: Date;
}
