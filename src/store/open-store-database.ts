import { resolve } from 'node:path';
import { StoreError } from './errors.js';
import { openPostgres } from './postgres/open-postgres.js';
import { openSqlite } from './sqlite/open-sqlite.js';
import type { StoreDatabase } from './store-database.js';

export type StoreLocation = { url: string } | { sqlitePath: string };

/** Where the SQLite store lives when neither `--database` nor DATABASE_URL says otherwise. */
export const defaultSqlitePath = '.sluice/sluice.db';

/**
 * `--database` wins over DATABASE_URL; a postgres:// URL means PostgreSQL, any other
 * scheme is refused rather than mistaken for a file name, and anything else is a path.
 */
export function resolveStoreLocation(options: {
  database?: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
}): StoreLocation {
  const value = options.database ?? options.env.DATABASE_URL;
  if (value === undefined || value === '') {
    return { sqlitePath: resolve(options.cwd, defaultSqlitePath) };
  }
  if (/^postgres(ql)?:\/\//i.test(value)) return { url: value };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1];
  if (scheme !== undefined) {
    throw new StoreError(
      `Unsupported database URL scheme '${scheme}://': use postgres://... for PostgreSQL ` +
        `or a file path for SQLite.`,
    );
  }
  return { sqlitePath: resolve(options.cwd, value) };
}

export async function openStoreDatabase(location: StoreLocation): Promise<StoreDatabase> {
  return 'url' in location ? openPostgres(location.url) : openSqlite(location.sqlitePath);
}
