import { GitHubCallError } from '../../github/github-errors.js';
import type { OutboxRow } from '../../store/types.js';
import type { QueueKey, ReconcileDeps } from '../types.js';
import { deliverRow } from './deliver-row.js';
import {
  batchedNotice,
  deliverNoticeBatch,
  noticesPerRequest,
  type BatchedNotice,
} from './deliver-notice-batch.js';
import type { RowOutcome } from './settle-row.js';

export interface DeliveryReport {
  delivered: number;
  failed: number;
  /** Rows left for a later pass: GitHub did not answer, was rate limiting, or a look failed. */
  left: number;
}

/**
 * Delivers a queue's undelivered rows, oldest first. A row without an answer stops the pass
 * (a batch's rows were sent together, and GitHub applied them in order), so nothing is told
 * out of order and nothing is sent over a row still unresolved; the next
 * pass (the next reconcile, the sweep) looks and goes on. Consecutive check-run states and
 * label removals go to GitHub together, in one request (a landing or a bisection changes every
 * PR of a batch at once). Never throws for GitHub: what was decided is in the store either way.
 */
export async function deliverOutbox(deps: ReconcileDeps, queue: QueueKey): Promise<DeliveryReport> {
  const rows = await deps.store.outbox.listUndelivered(queue);
  const report: DeliveryReport = { delivered: 0, failed: 0, left: rows.length };
  /** Counts an answer; false when the pass must stop there. */
  const tally = (outcome: RowOutcome | 'unanswered'): boolean => {
    if (outcome === 'unanswered' || outcome === 'throttled') return false;
    report.left--;
    if (outcome === 'delivered') report.delivered++;
    else report.failed++;
    return true;
  };
  let batch: BatchedNotice[] = [];
  /** Sends the batch gathered so far; false when the pass must stop. */
  const flush = async (): Promise<boolean> => {
    const sending = batch;
    batch = [];
    if (sending.length === 0) return true;
    const outcomes = await guarded(deps, queue, sending[0]!.row, () =>
      deliverNoticeBatch(deps, sending),
    );
    if (outcomes === undefined) {
      // GraphQL refused the document before running it, so nothing was written and each row
      // goes through REST as it was (no look first).
      for (const { row } of sending) if (!(await deliverOne(deps, queue, row, tally))) return false;
      return true;
    }
    const answered = outcomes === 'unanswered' ? sending.map(() => outcomes) : outcomes;
    return answered.map(tally).every(Boolean);
  };
  for (const [index, row] of rows.entries()) {
    if (isSuperseded(row, rows.slice(index + 1))) {
      await deps.store.outbox.markDelivered({
        id: row.id,
        now: deps.now(),
        note: 'superseded by a later state of the check run',
      });
      report.delivered++;
      report.left--;
      continue;
    }
    let batched = await batchedNotice(deps, row);
    if (batched && (sameRunIn(batch, row) || batch.length >= noticesPerRequest)) {
      if (!(await flush())) return report;
      batched = await batchedNotice(deps, row); // its run may have been created meanwhile
    }
    if (batched) {
      batch.push(batched);
      continue;
    }
    if (!(await flush())) return report;
    if (!(await deliverOne(deps, queue, row, tally))) return report;
  }
  await flush();
  return report;
}

async function deliverOne(
  deps: ReconcileDeps,
  queue: QueueKey,
  row: OutboxRow,
  tally: (outcome: RowOutcome | 'unanswered') => boolean,
): Promise<boolean> {
  const outcome = await guarded(deps, queue, row, () => deliverRow(deps, row));
  if (outcome === 'unanswered' || outcome === 'throttled')
    deps.log.info(
      { ...queue, pr: row.number, kind: row.kind, outcome },
      'notification left for a later pass',
    );
  return tally(outcome);
}

/** A GitHub failure that escaped the write's own outcome: the row is left for a later pass. */
async function guarded<T>(
  deps: ReconcileDeps,
  queue: QueueKey,
  row: OutboxRow,
  send: () => Promise<T>,
): Promise<T | 'unanswered'> {
  return send().catch((error: unknown) => {
    if (!(error instanceof GitHubCallError)) throw error;
    deps.log.warn(
      { ...queue, pr: row.number, kind: row.kind, err: error.message },
      'notification not delivered yet',
    );
    return 'unanswered' as const;
  });
}

/**
 * Two writes of one kind for one PR head in a request (two states of its check run): the
 * second would not see the first's answer (the run it created), so it waits for the next.
 */
function sameRunIn(batch: readonly BatchedNotice[], row: OutboxRow): boolean {
  return batch.some(
    (b) => b.row.kind === row.kind && b.row.number === row.number && b.row.headSha === row.headSha,
  );
}

/**
 * A check run shows only its last state: a state never sent is skipped when a later one of
 * the same PR head waits. A state that may have been sent is resolved first (it may have
 * created the run the later state must update, not duplicate).
 */
function isSuperseded(row: OutboxRow, later: OutboxRow[]): boolean {
  return (
    row.kind === 'check-run' &&
    row.attempts === 0 &&
    later.some(
      (l) => l.kind === 'check-run' && l.number === row.number && l.headSha === row.headSha,
    )
  );
}
