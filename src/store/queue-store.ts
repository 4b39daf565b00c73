import type { Selectable } from 'kysely';
import { writeJson, writeTime } from './codec.js';
import { insertEntry } from './enqueue-entry.js';
import { StoreError } from './errors.js';
import { toColumns, toEntry } from './queue-entry-rows.js';
import {
  activeEntryStates,
  endedEntryStates,
  type ActiveEntryState,
  type EntryEvent,
} from './records.js';
import type { StoreSchema } from './schema.js';
import type { StoreDatabase } from './store-database.js';
import type { ActiveEntryCount, QueueStore } from './types.js';

/**
 * Entry ids bound in one `listEventsFor` query: well under SQLite's limit on bound parameters
 * (999 before SQLite 3.32) and PostgreSQL's 65535.
 */
const eventIdsPerQuery = 500;

export function createQueueStore({ db, codec }: StoreDatabase): QueueStore {
  const entries = () => db.selectFrom('queue_entry').selectAll();
  const toEvent = (row: Selectable<StoreSchema['entry_event']>): EntryEvent => ({
    entryId: row.entry_id,
    at: codec.readTime(row.at),
    kind: row.kind,
    detail: codec.readJson(row.detail),
  });
  const findActive: QueueStore['findActive'] = async (pr) => {
    const row = await entries()
      .where('repo', '=', pr.repo)
      .where('number', '=', pr.number)
      .where('state', 'in', activeEntryStates)
      .executeTakeFirst();
    return row && toEntry(codec, row);
  };

  return {
    findActive,
    async enqueue(entry) {
      try {
        const existing = await findActive(entry);
        if (existing) return { ok: false, reason: 'already-queued', entry: existing };
        const created = await db.transaction().execute((trx) => insertEntry(trx, codec, entry));
        return { ok: true, entry: created };
      } catch (error) {
        // Another replica queued the same PR between our read and insert.
        const existing = codec.isUniqueViolation(error) ? await findActive(entry) : undefined;
        if (existing === undefined) throw error;
        return { ok: false, reason: 'already-queued', entry: existing };
      }
    },
    async get(entryId) {
      const row = await entries().where('id', '=', entryId).executeTakeFirst();
      return row && toEntry(codec, row);
    },
    async list(queue) {
      const rows = await entries()
        .where('repo', '=', queue.repo)
        .where('base', '=', queue.base)
        .where('state', 'in', activeEntryStates)
        .orderBy('sequence')
        .execute();
      return rows.map((row) => toEntry(codec, row));
    },
    async listForPullRequest(pr) {
      const rows = await entries()
        .where('repo', '=', pr.repo)
        .where('number', '=', pr.number)
        .orderBy('id')
        .execute();
      return rows.map((row) => toEntry(codec, row));
    },
    async listActiveQueues() {
      return db
        .selectFrom('queue_entry')
        .select(['repo', 'base'])
        .distinct()
        .where('state', 'in', activeEntryStates)
        .orderBy('repo')
        .orderBy('base')
        .execute();
    },
    async countActive() {
      // Rows, not GROUP BY: grouped, SQLite scans every entry ever queued through the unique
      // (repo, base, sequence) index; plain, it reads only the partial index of active ones.
      const rows = await db
        .selectFrom('queue_entry')
        .select(['repo', 'base', 'state'])
        .where('state', 'in', activeEntryStates)
        .execute();
      const counts = new Map<string, ActiveEntryCount>();
      for (const { repo, base, state } of rows) {
        const key = JSON.stringify([repo, base, state]);
        const count = counts.get(key);
        if (count) count.count++;
        else counts.set(key, { repo, base, state: state as ActiveEntryState, count: 1 });
      }
      return [...counts.values()].sort(
        (a, b) =>
          a.repo.localeCompare(b.repo) ||
          a.base.localeCompare(b.base) ||
          a.state.localeCompare(b.state),
      );
    },
    async listEnded({ repo, base, since, limit }) {
      if (!Number.isInteger(limit) || limit < 0) {
        throw new StoreError(`A history limit must be a whole number, not ${limit}.`);
      }
      if (limit === 0) return [];
      // Sluice changes no entry once it ended, so its last change is when it ended.
      const rows = await entries()
        .where('repo', '=', repo)
        .where('base', '=', base)
        .where('state', 'in', endedEntryStates)
        .where('updated_at', '>=', writeTime(since))
        .orderBy('updated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => toEntry(codec, row));
    },
    update: (update) =>
      db.transaction().execute(async (trx) => {
        const at = writeTime(update.now);
        const row = await trx
          .updateTable('queue_entry')
          .set({ ...toColumns(update.changes), updated_at: at })
          .where('id', '=', update.entryId)
          .returningAll()
          .executeTakeFirst();
        if (row === undefined) throw new StoreError(`No queue entry ${update.entryId}.`);
        const { kind, detail } = update.event;
        await trx
          .insertInto('entry_event')
          .values({ entry_id: row.id, at, kind, detail: writeJson(detail) })
          .execute();
        return toEntry(codec, row);
      }),
    async listEvents(entryId) {
      const rows = await db
        .selectFrom('entry_event')
        .selectAll()
        .where('entry_id', '=', entryId)
        .orderBy('id')
        .execute();
      return rows.map(toEvent);
    },
    async listEventsFor(entryIds) {
      // Sorted and without repeats, so the chunks come back in entry order.
      const ids = [...new Set(entryIds)].sort((a, b) => a - b);
      const events: EntryEvent[] = [];
      for (let start = 0; start < ids.length; start += eventIdsPerQuery) {
        const rows = await db
          .selectFrom('entry_event')
          .selectAll()
          .where('entry_id', 'in', ids.slice(start, start + eventIdsPerQuery))
          .orderBy('entry_id')
          .orderBy('id')
          .execute();
        for (const row of rows) events.push(toEvent(row));
      }
      return events;
    },
  };
}
