import type { ColumnType, Generated, Selectable, Updateable } from 'kysely';
import { readEnum, readOptionalTime, writeJson, writeTime, type Codec } from './codec.js';
import { activeEntryStates } from './records.js';
import { outboxKinds, outboxStates, type OutboxRow, type OutboxState } from './outbox-records.js';
import type { StoreDatabase } from './store-database.js';
import type { OutboxStore } from './types.js';

type Time = string | Date;

/** The outbox table as Kysely sees it (kept beside its store rather than in schema.ts). */
export type OutboxTables = {
  outbox: {
    id: Generated<number>;
    repo: string;
    base: string;
    number: number;
    head_sha: string;
    kind: string;
    payload: ColumnType<unknown, string, string>;
    cause: string;
    entry_id: number | null;
    dedupe_key: string;
    state: string;
    attempts: number;
    note: string | null;
    created_at: ColumnType<Time, string, string>;
    updated_at: ColumnType<Time, string, string>;
    delivered_at: ColumnType<Time | null, string | null, string | null>;
  };
};

type Row = Selectable<OutboxTables['outbox']>;

function toOutboxRow(codec: Codec, row: Row): OutboxRow {
  return {
    id: row.id,
    repo: row.repo,
    base: row.base,
    number: row.number,
    headSha: row.head_sha,
    kind: readEnum(row.kind, outboxKinds, 'outbox.kind'),
    payload: codec.readJson(row.payload),
    cause: row.cause,
    entryId: row.entry_id,
    dedupeKey: row.dedupe_key,
    state: readEnum(row.state, outboxStates, 'outbox.state'),
    attempts: row.attempts,
    note: row.note,
    createdAt: codec.readTime(row.created_at),
    updatedAt: codec.readTime(row.updated_at),
    deliveredAt: readOptionalTime(codec, row.delivered_at),
  };
}

const undelivered: OutboxState[] = ['pending', 'sending'];

export function createOutboxStore({ db: base, codec }: StoreDatabase): OutboxStore {
  const db = base.withTables<OutboxTables>();
  const rows = () => db.selectFrom('outbox').selectAll();
  const read = (row: Row) => toOutboxRow(codec, row);
  const change = async (id: number, set: Updateable<OutboxTables['outbox']>) => {
    const row = await db
      .updateTable('outbox')
      .set(set)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return read(row);
  };

  return {
    async record(newRows, now) {
      let created = 0;
      for (const row of newRows) {
        const at = writeTime(now);
        const inserted = await db
          .insertInto('outbox')
          .values({
            repo: row.repo,
            base: row.base,
            number: row.number,
            head_sha: row.headSha,
            kind: row.kind,
            payload: writeJson(row.payload),
            cause: row.cause,
            entry_id: row.entryId,
            dedupe_key: row.dedupeKey,
            state: 'pending',
            attempts: 0,
            note: null,
            created_at: at,
            updated_at: at,
            delivered_at: null,
          })
          // The same decision recorded twice (a retried pass, two replicas) is told once.
          .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
          .executeTakeFirst();
        created += Number(inserted.numInsertedOrUpdatedRows ?? 0n);
      }
      return created;
    },
    async listUndelivered(queue) {
      const found = await rows()
        .where('repo', '=', queue.repo)
        .where('base', '=', queue.base)
        .where('state', 'in', undelivered)
        .orderBy('id')
        .execute();
      return found.map(read);
    },
    async listUndeliveredIn(repo) {
      const found = await rows()
        .where('repo', '=', repo)
        .where('state', 'in', undelivered)
        .orderBy('id')
        .execute();
      return found.map(read);
    },
    async latestCheckRun({ repo, number, headSha }) {
      const row = await rows()
        .where('repo', '=', repo)
        .where('number', '=', number)
        .where('head_sha', '=', headSha)
        .where('kind', '=', 'check-run')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      return row && read(row);
    },
    async latestCheckRunsIn(queue) {
      // Joined on the entries rather than read per entry: one query for the whole queue, and
      // rows about a head the entry does not hold (one pushed over) are left out.
      const newest = db
        .selectFrom('outbox')
        .innerJoin('queue_entry', (join) =>
          join
            .onRef('queue_entry.repo', '=', 'outbox.repo')
            .onRef('queue_entry.number', '=', 'outbox.number')
            .onRef('queue_entry.head_sha', '=', 'outbox.head_sha'),
        )
        .select((eb) => eb.fn.max('outbox.id').as('id'))
        .where('queue_entry.repo', '=', queue.repo)
        .where('queue_entry.base', '=', queue.base)
        .where('queue_entry.state', 'in', activeEntryStates)
        .where('outbox.kind', '=', 'check-run')
        .groupBy(['outbox.number', 'outbox.head_sha']);
      const found = await rows().where('id', 'in', newest).orderBy('number').execute();
      return found.map(read);
    },
    async markSending({ id, now }) {
      const row = await db
        .updateTable('outbox')
        .set((eb) => ({
          state: 'sending',
          attempts: eb('attempts', '+', 1),
          updated_at: writeTime(now),
        }))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return read(row);
    },
    markDelivered: ({ id, now, note }) =>
      change(id, {
        state: 'delivered',
        note: note ?? null,
        updated_at: writeTime(now),
        delivered_at: writeTime(now),
      }),
    markFailed: ({ id, now, note }) =>
      change(id, { state: 'failed', note, updated_at: writeTime(now) }),
    markUnanswered: ({ id, now, note }) => change(id, { note, updated_at: writeTime(now) }),
    markPending: ({ id, now, note }) =>
      change(id, { state: 'pending', note, updated_at: writeTime(now) }),
    async listPendingQueues() {
      return db
        .selectFrom('outbox')
        .select(['repo', 'base'])
        .distinct()
        .where('state', 'in', undelivered)
        .orderBy('repo')
        .orderBy('base')
        .execute();
    },
  };
}
