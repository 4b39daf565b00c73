import type { NoticeWrite } from '../../github/port.js';
import { outcomeMarker } from '../../messages/index.js';
import type { OutboxRow } from '../../store/types.js';
import type { ReconcileDeps } from '../types.js';
import { deliverCheckRun } from './deliver-check-run.js';
import { readPayload, type Payload } from './read-payload.js';
import { settleRow, type RowOutcome } from './settle-row.js';

/**
 * Sends one row. A row sent before without a known answer (a crash, a 5xx) is first looked
 * for on GitHub — the comment by its marker, labels on the PR, the check run by its external
 * id — and sent again only if it is not there. A row never sent costs no read.
 */
export async function deliverRow(deps: ReconcileDeps, row: OutboxRow): Promise<RowOutcome> {
  const payload = readPayload(row);
  if (payload.kind === 'unreadable') {
    await deps.store.outbox.markFailed({ id: row.id, now: deps.now(), note: payload.reason });
    return 'failed';
  }
  if (payload.kind === 'check-run') return deliverCheckRun(deps, row, payload);
  if (row.attempts > 0 && (await alreadyShown(deps, row, payload)))
    return settleRow(deps, row, { kind: 'ok' }, 'found on GitHub after an unanswered send');
  await deps.store.outbox.markSending({ id: row.id, now: deps.now() });
  return settleRow(deps, row, await send(deps, row, payload));
}

type IssueWrite = Exclude<Payload, { kind: 'unreadable' | 'check-run' }>;

async function alreadyShown(deps: ReconcileDeps, row: OutboxRow, payload: IssueWrite) {
  const { github } = deps;
  switch (payload.kind) {
    case 'comment':
      return github.hasComment(row.number, outcomeMarker(row.dedupeKey));
    case 'add-labels': {
      // Label names are case-insensitive on GitHub.
      const on = new Set((await github.labelsOn(row.number)).map((l) => l.toLowerCase()));
      return payload.labels.every((l) => on.has(l.toLowerCase()));
    }
    case 'remove-label': {
      const on = (await github.labelsOn(row.number)).map((l) => l.toLowerCase());
      return !on.includes(payload.label.toLowerCase());
    }
  }
}

function send(deps: ReconcileDeps, row: OutboxRow, payload: IssueWrite): Promise<NoticeWrite> {
  switch (payload.kind) {
    case 'comment':
      return deps.github.comment(row.number, payload.body);
    case 'add-labels':
      return deps.github.addLabels(row.number, payload.labels);
    case 'remove-label':
      return deps.github.removeLabel(row.number, payload.label);
  }
}
