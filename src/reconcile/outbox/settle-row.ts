import type { NoticeWrite } from '../../github/port.js';
import type { OutboxRow } from '../../store/types.js';
import type { ReconcileDeps } from '../types.js';

/** What became of a row: delivered, refused for good, or left for a later pass. */
export type RowOutcome = 'delivered' | 'failed' | 'unanswered' | 'throttled';

/** Records the answer to a row's write in the store. */
export async function settleRow(
  deps: ReconcileDeps,
  row: OutboxRow,
  written: NoticeWrite,
  note?: string,
): Promise<RowOutcome> {
  const { outbox } = deps.store;
  const at = { id: row.id, now: deps.now() };
  switch (written.kind) {
    case 'ok':
      await outbox.markDelivered({ ...at, ...(note ? { note } : {}) });
      return 'delivered';
    case 'rejected':
      await outbox.markFailed({ ...at, note: `${written.status ?? '?'} ${written.message}` });
      deps.log.warn(
        {
          repo: row.repo,
          pr: row.number,
          kind: row.kind,
          cause: row.cause,
          status: written.status,
        },
        'GitHub refused a notification; it is not sent again',
      );
      return 'failed';
    case 'throttled':
      await outbox.markPending({ ...at, note: written.message });
      return 'throttled';
    case 'unknown':
      await outbox.markUnanswered({ ...at, note: written.message });
      return 'unanswered';
  }
}
