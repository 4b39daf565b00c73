import type { Kysely, Selectable } from 'kysely';
import { writeJson, writeTime, type Codec } from './codec.js';
import { StoreError } from './errors.js';
import type { QueueEvent } from './records.js';
import type { StoreSchema } from './schema.js';
import type { StoreDatabase } from './store-database.js';
import type { QueueEventLog } from './types.js';

type NewQueueEvent = Parameters<QueueEventLog['record']>[0];

function toQueueEvent(codec: Codec, row: Selectable<StoreSchema['queue_event']>): QueueEvent {
  return {
    id: row.id,
    repo: row.repo,
    base: row.base,
    at: codec.readTime(row.at),
    kind: row.kind,
    actor: row.actor,
    detail: codec.readJson(row.detail),
  };
}

/** Appends one event on `db`: the pause store calls it inside its own change's transaction. */
export async function appendQueueEvent(
  db: Kysely<StoreSchema>,
  codec: Codec,
  event: NewQueueEvent,
): Promise<QueueEvent> {
  const row = await db
    .insertInto('queue_event')
    .values({
      repo: event.repo,
      base: event.base,
      at: writeTime(event.now),
      kind: event.kind,
      actor: event.actor,
      detail: writeJson(event.detail),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toQueueEvent(codec, row);
}

export function createQueueEventLog({ db, codec }: StoreDatabase): QueueEventLog {
  return {
    record: (event) => appendQueueEvent(db, codec, event),
    async list({ repo, base, limit }) {
      if (!Number.isInteger(limit) || limit < 0) {
        throw new StoreError(`A history limit must be a whole number, not ${limit}.`);
      }
      if (limit === 0) return [];
      // By time, then id: events recorded with one `now` keep the order they were recorded in.
      const rows = await db
        .selectFrom('queue_event')
        .selectAll()
        .where('repo', '=', repo)
        .where('base', '=', base)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => toQueueEvent(codec, row));
    },
  };
}
