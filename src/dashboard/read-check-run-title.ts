import type { QueueEntryView } from './queue-view.js';
import { isRecord, stringAt } from './read-json.js';
import type { CheckRunRowInput, EntryRecord } from './view-input.js';

/**
 * What an entry's `Sluice` check run last said — its title — and since when, from the newest
 * check-run outbox row of the entry's queued head. A row whose payload does not hold a title
 * (an older shape, a bad row) says nothing rather than something made up.
 */
export function waitingOnOf(
  entry: Pick<EntryRecord, 'number' | 'headSha'>,
  rows: readonly CheckRunRowInput[],
): QueueEntryView['waitingOn'] {
  let newest: CheckRunRowInput | undefined;
  for (const row of rows) {
    if (row.kind !== 'check-run' || row.number !== entry.number || row.headSha !== entry.headSha)
      continue;
    if (!newest || row.createdAt > newest.createdAt) newest = row;
  }
  const title = newest && titleOf(newest.payload);
  return newest && title ? { text: title, since: newest.createdAt } : null;
}

function titleOf(payload: unknown): string | undefined {
  const title = stringAt(isRecord(payload) ? payload.render : undefined, 'title');
  return title?.trim() ? title : undefined;
}
