import { readEnum, readOptionalTime, writeTime, type Codec } from './codec.js';
import {
  priorities,
  type CommandKind,
  type CommandSource,
  type QueueCommandRecord,
} from './records.js';
import type { StoreDatabase } from './store-database.js';
import type { CommandStore } from './types.js';

const kinds: readonly CommandKind[] = ['queue', 'dequeue', 'retry'];
const sources: readonly CommandSource[] = ['label', 'comment', 'button', 'dashboard'];

interface CommandRow {
  id: number;
  repo: string;
  base: string;
  number: number;
  kind: string;
  priority: string | null;
  requested_by: string;
  source: string;
  requested_at: unknown;
  consumed_at: unknown;
}

function toCommand(codec: Codec, row: CommandRow): QueueCommandRecord {
  return {
    id: row.id,
    repo: row.repo,
    base: row.base,
    number: row.number,
    kind: readEnum(row.kind, kinds, 'queue_command.kind'),
    priority:
      row.priority === null ? null : readEnum(row.priority, priorities, 'queue_command.priority'),
    requestedBy: row.requested_by,
    source: readEnum(row.source, sources, 'queue_command.source'),
    requestedAt: codec.readTime(row.requested_at),
    consumedAt: readOptionalTime(codec, row.consumed_at),
  };
}

export function createCommandStore({ db, codec }: StoreDatabase): CommandStore {
  return {
    async record(command) {
      const row = await db
        .insertInto('queue_command')
        .values({
          repo: command.repo,
          base: command.base,
          number: command.number,
          kind: command.kind,
          priority: command.priority ?? null,
          requested_by: command.requestedBy,
          source: command.source,
          requested_at: writeTime(command.now),
          consumed_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toCommand(codec, row);
    },
    async listPending(queue) {
      const rows = await db
        .selectFrom('queue_command')
        .selectAll()
        .where('repo', '=', queue.repo)
        .where('base', '=', queue.base)
        .where('consumed_at', 'is', null)
        .orderBy('id')
        .execute();
      return rows.map((row) => toCommand(codec, row));
    },
    async consume({ id, now }) {
      const result = await db
        .updateTable('queue_command')
        .set({ consumed_at: writeTime(now) })
        .where('id', '=', id)
        .where('consumed_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async listPendingQueues() {
      const rows = await db
        .selectFrom('queue_command')
        .select(['repo', 'base'])
        .where('consumed_at', 'is', null)
        .distinct()
        .orderBy('repo')
        .orderBy('base')
        .execute();
      return rows;
    },
  };
}
