import type { Kysely } from 'kysely';
import { writeJson, writeTime, type Codec } from './codec.js';
import { toEntry } from './queue-entry-rows.js';
import type { QueueEntry } from './records.js';
import type { StoreSchema } from './schema.js';
import type { NewEntry } from './types.js';

/** Bumps the queue's counter; the row lock it takes orders concurrent enqueues. */
async function nextSequence(db: Kysely<StoreSchema>, entry: NewEntry): Promise<number> {
  const row = await db
    .insertInto('queue_counter')
    .values({ repo: entry.repo, base: entry.base, last_sequence: 1 })
    .onConflict((conflict) =>
      conflict.columns(['repo', 'base']).doUpdateSet((eb) => ({
        last_sequence: eb('queue_counter.last_sequence', '+', 1),
      })),
    )
    .returning('last_sequence')
    .executeTakeFirstOrThrow();
  return row.last_sequence;
}

/** Inserts the entry and its first history event; run it inside a transaction. */
export async function insertEntry(
  db: Kysely<StoreSchema>,
  codec: Codec,
  entry: NewEntry,
): Promise<QueueEntry> {
  const now = writeTime(entry.now);
  const priority = entry.priority ?? 'normal';
  const row = await db
    .insertInto('queue_entry')
    .values({
      repo: entry.repo,
      base: entry.base,
      number: entry.number,
      sequence: await nextSequence(db, entry),
      priority,
      priority_label: entry.priorityLabel ?? null,
      head_sha: entry.headSha,
      queued_by: entry.queuedBy,
      queued_at: now,
      state: 'queued',
      consecutive_failures: entry.consecutiveFailures ?? 0,
      retry_count: 0,
      last_failure_class: null,
      end_reason: null,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  // Queued at a priority: the first priority event of its history.
  const detail = writeJson({
    headSha: entry.headSha,
    queuedBy: entry.queuedBy,
    ...(priority === 'normal' ? {} : { priority }),
  });
  await db
    .insertInto('entry_event')
    .values({ entry_id: row.id, at: now, kind: 'queued', detail })
    .execute();
  return toEntry(codec, row);
}
