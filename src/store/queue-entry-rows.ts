import type { Selectable } from 'kysely';
import { readEnum, type Codec } from './codec.js';
import { activeEntryStates, priorities, type EntryState, type QueueEntry } from './records.js';
import type { StoreSchema } from './schema.js';
import type { EntryUpdate } from './types.js';

const entryStates: readonly EntryState[] = [...activeEntryStates, 'merged', 'dequeued'];

export function toEntry(codec: Codec, row: Selectable<StoreSchema['queue_entry']>): QueueEntry {
  return {
    id: row.id,
    repo: row.repo,
    base: row.base,
    number: row.number,
    sequence: row.sequence,
    priority: readEnum(row.priority, priorities, 'queue_entry.priority'),
    priorityLabel: row.priority_label,
    headSha: row.head_sha,
    queuedBy: row.queued_by,
    queuedAt: codec.readTime(row.queued_at),
    state: readEnum(row.state, entryStates, 'queue_entry.state'),
    consecutiveFailures: row.consecutive_failures,
    retryCount: row.retry_count,
    lastFailureClass: row.last_failure_class,
    endReason: row.end_reason,
    updatedAt: codec.readTime(row.updated_at),
  };
}

export function toColumns(changes: EntryUpdate['changes']) {
  return {
    ...(changes.state !== undefined && { state: changes.state }),
    ...(changes.headSha !== undefined && { head_sha: changes.headSha }),
    ...(changes.consecutiveFailures !== undefined && {
      consecutive_failures: changes.consecutiveFailures,
    }),
    ...(changes.retryCount !== undefined && { retry_count: changes.retryCount }),
    ...(changes.lastFailureClass !== undefined && { last_failure_class: changes.lastFailureClass }),
    ...(changes.endReason !== undefined && { end_reason: changes.endReason }),
    ...(changes.priority !== undefined && { priority: changes.priority }),
    ...(changes.priorityLabel !== undefined && { priority_label: changes.priorityLabel }),
  };
}
