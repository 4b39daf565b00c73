import type { Selectable } from 'kysely';
import { readEnum, readOptionalTime, writeJson, writeTime, type Codec } from './codec.js';
import { StoreError } from './errors.js';
import type { JournalRow, MutationKind, MutationStatus } from './records.js';
import type { StoreSchema } from './schema.js';
import type { StoreDatabase } from './store-database.js';
import type { MutationJournal } from './types.js';

const kinds: readonly MutationKind[] = [
  'create-ref',
  'update-ref',
  'delete-ref',
  'create-commit',
  'merge-branch',
  'merge-pr',
  'add-label',
  'remove-label',
  'create-comment',
  'create-check-run',
  'update-check-run',
];
const statuses: readonly MutationStatus[] = ['pending', 'done', 'failed', 'unknown'];
/** An unknown outcome (a 5xx on merge) is open until a re-read of GitHub settles it. */
const openStatuses = ['pending', 'unknown'] as const satisfies readonly MutationStatus[];

function toJournalRow(codec: Codec, row: Selectable<StoreSchema['mutation_journal']>): JournalRow {
  return {
    id: row.id,
    repo: row.repo,
    kind: readEnum(row.kind, kinds, 'mutation_journal.kind'),
    target: row.target,
    expectedOld: row.expected_old,
    newValue: row.new_value,
    idempotencyKey: row.idempotency_key,
    entryId: row.entry_id,
    stagingId: row.staging_id,
    status: readEnum(row.status, statuses, 'mutation_journal.status'),
    result: codec.readJson(row.result),
    createdAt: codec.readTime(row.created_at),
    finishedAt: readOptionalTime(codec, row.finished_at),
  };
}

export function createMutationJournal({ db, codec }: StoreDatabase): MutationJournal {
  const rows = () => db.selectFrom('mutation_journal').selectAll();
  const findByKey: MutationJournal['findByKey'] = async (key) => {
    const row = await rows().where('idempotency_key', '=', key).executeTakeFirst();
    return row && toJournalRow(codec, row);
  };

  return {
    findByKey,
    async recordIntent(intent) {
      const inserted = await db
        .insertInto('mutation_journal')
        .values({
          repo: intent.repo,
          kind: intent.kind,
          target: intent.target,
          expected_old: intent.expectedOld,
          new_value: intent.newValue,
          idempotency_key: intent.idempotencyKey,
          entry_id: intent.entryId ?? null,
          staging_id: intent.stagingId ?? null,
          status: 'pending',
          result: writeJson(null),
          created_at: writeTime(intent.now),
          finished_at: null,
        })
        .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted !== undefined) return { created: true, row: toJournalRow(codec, inserted) };
      const existing = await findByKey(intent.idempotencyKey);
      if (existing === undefined) throw new StoreError('Journal insert conflicted, then vanished.');
      return { created: false, row: existing };
    },
    async recordOutcome({ id, now, status, result }) {
      const updated = await db
        .updateTable('mutation_journal')
        .set({
          status,
          result: writeJson(result),
          finished_at: status === 'unknown' ? null : writeTime(now),
        })
        .where('id', '=', id)
        .where('status', 'in', openStatuses)
        .returningAll()
        .executeTakeFirst();
      if (updated !== undefined) return toJournalRow(codec, updated);
      const current = await rows().where('id', '=', id).executeTakeFirst();
      throw new StoreError(
        current === undefined
          ? `No journal row ${id}.`
          : `Journal row ${id} is already ${current.status}; a finished mutation never changes.`,
      );
    },
    async listOpen(repo) {
      const open = await rows()
        .where('repo', '=', repo)
        .where('status', 'in', openStatuses)
        .orderBy('id')
        .execute();
      return open.map((row) => toJournalRow(codec, row));
    },
  };
}
