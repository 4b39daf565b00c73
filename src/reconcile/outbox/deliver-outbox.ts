import { GitHubCallError } from '../../github/github-errors.js';
import type { OutboxRow } from '../../store/types.js';
import type { QueueKey, ReconcileDeps } from '../types.js';
import { deliverRow } from './deliver-row.js';

export interface DeliveryReport {
  delivered: number;
  failed: number;
  /** Rows left for a later pass: GitHub did not answer, was rate limiting, or a look failed. */
  left: number;
}

/**
 * Delivers a queue's undelivered rows, oldest first. A row without an answer stops the pass,
 * so nothing is told out of order and nothing is sent over a row still unresolved; the next
 * pass (after the next effect, the next reconcile, the sweep) looks and goes on. Never throws
 * for GitHub: what was decided is in the store either way.
 */
export async function deliverOutbox(deps: ReconcileDeps, queue: QueueKey): Promise<DeliveryReport> {
  const rows = await deps.store.outbox.listUndelivered(queue);
  const report: DeliveryReport = { delivered: 0, failed: 0, left: rows.length };
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
    const outcome = await deliverRow(deps, row).catch((error: unknown) => {
      if (!(error instanceof GitHubCallError)) throw error;
      deps.log.warn(
        { ...queue, pr: row.number, kind: row.kind, err: error.message },
        'notification not delivered yet',
      );
      return 'unanswered' as const;
    });
    if (outcome === 'unanswered' || outcome === 'throttled') {
      deps.log.info(
        { ...queue, pr: row.number, kind: row.kind, outcome },
        'notification left for a later pass',
      );
      return report;
    }
    report.left--;
    if (outcome === 'delivered') report.delivered++;
    else report.failed++;
  }
  return report;
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
