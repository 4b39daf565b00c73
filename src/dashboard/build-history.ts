import { describeDequeue, describeLanding } from './describe-entry-end.js';
import type { HistoryItemView } from './queue-view.js';
import { stringAt } from './read-json.js';
import type { EntryEventRecord, EntryRecord, QueueEventInput } from './view-input.js';

export const historyLimit = 50;

export interface EndedEntry {
  entry: EntryRecord;
  events: readonly EntryEventRecord[];
}

/** How an ended entry ended and when: its last `merged` or `dequeued` event. */
export interface EntryEnd {
  kind: 'landed' | 'dequeued';
  at: Date;
  detail: unknown;
}

export function endOf({ entry, events }: EndedEntry): EntryEnd | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.kind === 'merged' || event.kind === 'dequeued')
      return {
        kind: event.kind === 'merged' ? 'landed' : 'dequeued',
        at: event.at,
        detail: event.detail,
      };
  }
  // An end without its event (older rows): the entry's state and last update still say it.
  if (entry.state === 'merged') return { kind: 'landed', at: entry.updatedAt, detail: null };
  if (entry.state === 'dequeued')
    return { kind: 'dequeued', at: entry.updatedAt, detail: { kind: entry.endReason } };
  return null;
}

/** Ended entries and queue events (pause, resume), newest first, at most `limit`. */
export function buildHistory(input: {
  repo: string;
  serverUrl: string;
  ended: readonly EndedEntry[];
  queueEvents: readonly QueueEventInput[];
  limit?: number;
}): HistoryItemView[] {
  const links = { serverUrl: input.serverUrl, repo: input.repo };
  const items: HistoryItemView[] = [];
  for (const ended of input.ended) {
    const end = endOf(ended);
    if (!end) continue;
    const facts =
      end.kind === 'landed'
        ? describeLanding(end.detail, links)
        : describeDequeue(end.detail, links);
    const { id, number } = ended.entry;
    items.push({ at: end.at, kind: end.kind, number, entryId: id, ...facts });
  }
  for (const event of input.queueEvents) {
    const item = queueEventItem(event);
    if (item) items.push(item);
  }
  items.sort((a, b) => b.at.getTime() - a.at.getTime());
  return items.slice(0, input.limit ?? historyLimit);
}

function queueEventItem(event: QueueEventInput): HistoryItemView | null {
  const by = event.actor ?? undefined;
  switch (event.kind) {
    case 'paused':
      return { at: event.at, kind: 'paused', by, reason: stringAt(event.detail, 'reason') ?? null };
    case 'resumed':
      return { at: event.at, kind: 'resumed', by };
    default:
      return null;
  }
}
