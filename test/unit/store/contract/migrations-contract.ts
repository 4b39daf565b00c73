import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { StoreMigrationError } from '../../../../src/store/errors.js';
import {
  createMigrator,
  migrateStore,
  readMigrationStatus,
} from '../../../../src/store/migrate-store.js';
import { listMigrations } from '../../../../src/store/migrations/index.js';
import type { StoreDatabase } from '../../../../src/store/store-database.js';
import type { Json } from '../../../../src/store/types.js';
import { anEntry, minute } from '../support/builders.js';
import type { HarnessFactory, StoreHarness } from '../support/store-harness.js';

export function describeMigrationsContract(createHarness: HarnessFactory): void {
  describe('migrations', () => {
    let harness: StoreHarness;
    beforeEach(async () => {
      harness = await createHarness();
    });
    afterEach(() => harness.dispose());

    it('reports every migration pending on an empty database, and applies them all', async () => {
      const database = await harness.openDatabase();
      const names = Object.keys(listMigrations(database.codec.dialect));
      const before = await readMigrationStatus(database);
      expect(before).toEqual(names.map((name) => ({ name, appliedAt: undefined })));
      expect(await migrateStore(database)).toEqual(names);
      const after = await readMigrationStatus(database);
      expect(after.every((status) => status.appliedAt instanceof Date)).toBe(true);
    });

    it('applies nothing the second time and keeps the data', async () => {
      const first = await harness.open();
      await first.queue.enqueue(anEntry());
      await first.close();
      const second = await harness.open();
      const database = await harness.openDatabase();
      expect(await migrateStore(database)).toEqual([]);
      expect(await second.queue.list({ repo: 'octo/widgets', base: 'main' })).toHaveLength(1);
    });

    it('rolls back a migration that fails halfway, leaving no table behind', async () => {
      const database = await harness.openDatabase();
      const halfDone = {
        up: async (db: Kysely<unknown>) => {
          await db.schema.createTable('half_done').addColumn('id', 'integer').execute();
          throw new Error('second statement failed');
        },
      };
      const migrator = new Migrator({
        db: database.db,
        provider: { getMigrations: () => Promise.resolve({ '0001_half_done': halfDone }) },
        ...(database.schema === undefined ? {} : { migrationTableSchema: database.schema }),
      });
      const { error } = await migrator.migrateToLatest();
      expect(error).toMatchObject({ message: 'second statement failed' });
      const tables = await database.db.introspection.getTables();
      const inThisDatabase = tables.filter((table) => table.schema === database.schema);
      expect(inThisDatabase.map((table) => table.name)).not.toContain('half_done');
    });

    it('turns a failed staging record of the old queue into a rejected one', async () => {
      const database = await harness.openDatabase();
      const { error } = await createMigrator(database).migrateTo('0004_lease_handover');
      expect(error).toBeUndefined();
      const failure: Json = { kind: 'conflict', files: ['a.ts'] };
      const [failed, testing] = await insertOldStagings(database, [
        { state: 'failed', failure },
        { state: 'testing', failure: null },
      ]);

      expect(await migrateStore(database)).toEqual([
        '0005_staging_chains',
        '0006_priorities',
        '0007_queue_pause',
        '0008_check_run_node_id',
      ]);
      const store = await harness.open();
      expect(await store.staging.get(failed!)).toMatchObject({
        state: 'rejected',
        failure,
        position: null,
        verdicts: null,
        prs: [{ number: 1, headSha: 'head-1', commitSha: null }],
      });
      expect(await store.staging.get(testing!)).toMatchObject({ state: 'testing', failure: null });
    });

    it('gives entries and commands of an older Sluice normal priority and no label', async () => {
      const database = await harness.openDatabase();
      const { error } = await createMigrator(database).migrateTo('0005_staging_chains');
      expect(error).toBeUndefined();
      const at = minute(0).toISOString();
      await database.db
        .insertInto('queue_command')
        .values({
          repo: 'octo/widgets',
          base: 'main',
          number: 2,
          kind: 'queue',
          requested_by: 'mona',
          source: 'label',
          requested_at: at,
          consumed_at: null,
        })
        .execute();
      await insertOldStagings(database, []);

      expect(await migrateStore(database)).toEqual([
        '0006_priorities',
        '0007_queue_pause',
        '0008_check_run_node_id',
      ]);
      const store = await harness.open();
      const [entry] = await store.queue.listForPullRequest({ repo: 'octo/widgets', number: 1 });
      expect(entry).toMatchObject({ priority: 'normal', priorityLabel: null });
      const [command] = await store.commands.listPending({ repo: 'octo/widgets', base: 'main' });
      expect(command).toMatchObject({ number: 2, kind: 'queue', priority: null });
    });

    it('finds the ended entries of an older Sluice by time, with no queue paused', async () => {
      const database = await harness.openDatabase();
      const { error } = await createMigrator(database).migrateTo('0006_priorities');
      expect(error).toBeUndefined();
      await insertOldStagings(database, []);

      expect(await migrateStore(database)).toEqual(['0007_queue_pause', '0008_check_run_node_id']);
      const store = await harness.open();
      const queue = { repo: 'octo/widgets', base: 'main' };
      const ended = await store.queue.listEnded({ ...queue, since: minute(0), limit: 10 });
      expect(ended).toMatchObject([{ number: 1, state: 'dequeued', updatedAt: minute(0) }]);
      expect(await store.pauses.listPaused()).toEqual([]);
      expect(await store.queueEvents.list({ ...queue, limit: 10 })).toEqual([]);
      const by = { by: 'mona', now: minute(1) };
      expect(await store.pauses.pause({ ...queue, reason: 'r', ...by })).toMatchObject({
        changed: true,
      });
    });

    it('refuses a database migrated by a newer Sluice, naming the unknown migration', async () => {
      const database = await harness.openDatabase();
      await migrateStore(database);
      await sql`insert into sluice_migration (name, timestamp) values ('9999_future', 'x')`.execute(
        database.db,
      );
      await expect(harness.open()).rejects.toThrow(StoreMigrationError);
      await expect(migrateStore(database)).rejects.toThrow(/9999_future.*newer Sluice/);
    });
  });
}

/** Staging records of PR #1 as Sluice wrote them before 0005_staging_chains; returns their ids. */
async function insertOldStagings(
  { db }: StoreDatabase,
  records: { state: string; failure: Json }[],
): Promise<number[]> {
  const at = minute(0).toISOString();
  const entry = await db
    .insertInto('queue_entry')
    .values({
      repo: 'octo/widgets',
      base: 'main',
      number: 1,
      sequence: 1,
      head_sha: 'head-1',
      queued_by: 'mona',
      queued_at: at,
      state: 'dequeued',
      consecutive_failures: 0,
      retry_count: 0,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids: number[] = [];
  for (const { state, failure } of records) {
    const { id } = await db
      .insertInto('staging_record')
      .values({
        repo: 'octo/widgets',
        base: 'main',
        base_sha: 'base-1',
        ref: 'sluice/staging/main',
        state,
        failure: failure === null ? null : JSON.stringify(failure),
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('staging_pr')
      .values({ staging_id: id, position: 0, entry_id: entry.id, number: 1, head_sha: 'head-1' })
      .execute();
    ids.push(id);
  }
  return ids;
}
