import { sql } from 'kysely';
import type { StoreDatabase } from './store-database.js';

export const migrationTableName = 'sluice_migration';

async function migrationTableExists({ db, codec, schema }: StoreDatabase): Promise<boolean> {
  switch (codec.dialect) {
    case 'sqlite': {
      const query = sql<{ name: string }>`select name from sqlite_master
        where type = 'table' and name = ${migrationTableName}`;
      return (await query.execute(db)).rows.length > 0;
    }
    case 'postgres': {
      const query = sql<{ found: string | null }>`select
        to_regclass(quote_ident(${schema ?? 'public'}) || '.' || ${migrationTableName}) as found`;
      return (await query.execute(db)).rows[0]?.found != null;
    }
  }
}

/**
 * Applied migrations and when, read straight from Kysely's table. Cheaper than asking the
 * Migrator, which introspects every table of every schema: that is what start-up runs.
 */
export async function readAppliedMigrations(database: StoreDatabase): Promise<Map<string, Date>> {
  if (!(await migrationTableExists(database))) return new Map();
  const { schema } = database;
  const table = sql.table(
    schema === undefined ? migrationTableName : `${schema}.${migrationTableName}`,
  );
  const query = sql<{ name: string; timestamp: string }>`select name, timestamp from ${table}`;
  const { rows } = await query.execute(database.db);
  return new Map(rows.map((row) => [row.name, new Date(row.timestamp)]));
}
