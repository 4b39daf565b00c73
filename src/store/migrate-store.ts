import { Migrator } from 'kysely/migration';
import { describeError } from './describe-error.js';
import { StoreMigrationError } from './errors.js';
import { listMigrations } from './migrations/index.js';
import { migrationTableName, readAppliedMigrations } from './read-applied-migrations.js';
import type { StoreDatabase } from './store-database.js';

export interface MigrationStatus {
  name: string;
  appliedAt: Date | undefined;
}

/** Exported for tests that migrate part of the way, to write rows as an older Sluice did. */
export function createMigrator(database: StoreDatabase): Migrator {
  const migrations = listMigrations(database.codec.dialect);
  return new Migrator({
    db: database.db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    migrationTableName,
    migrationLockTableName: 'sluice_migration_lock',
    // Kysely looks for its tables in every schema unless told which one; with several
    // installations (or test runs) in one PostgreSQL database it would find another's.
    ...(database.schema === undefined ? {} : { migrationTableSchema: database.schema }),
  });
}

/** Every known migration with when it was applied; refuses a database a newer Sluice migrated. */
export async function readMigrationStatus(database: StoreDatabase): Promise<MigrationStatus[]> {
  const applied = await readAppliedMigrations(database);
  const known = Object.keys(listMigrations(database.codec.dialect));
  const unknown = [...applied.keys()].filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new StoreMigrationError(
      `${database.description} has migrations this version of Sluice does not know ` +
        `(${unknown.join(', ')}): it was migrated by a newer Sluice. Upgrade Sluice.`,
    );
  }
  return known.map((name) => ({ name, appliedAt: applied.get(name) }));
}

/**
 * The names of the migrations not yet applied, in the order they apply (none when up to date);
 * refuses a database a newer Sluice migrated, as readMigrationStatus does.
 */
export async function pendingMigrations(database: StoreDatabase): Promise<string[]> {
  const statuses = await readMigrationStatus(database);
  return statuses.filter((status) => status.appliedAt === undefined).map((status) => status.name);
}

/** Applies pending migrations; returns their names (none when already up to date). */
export async function migrateStore(database: StoreDatabase): Promise<string[]> {
  if ((await pendingMigrations(database)).length === 0) return [];
  const { error, results = [] } = await createMigrator(database).migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName;
    const where = failed === undefined ? '' : ` (migration ${failed})`;
    const message = `Could not migrate ${database.description}${where}: ${describeError(error)}`;
    throw new StoreMigrationError(message, { cause: error });
  }
  return results.map((result) => result.migrationName);
}
