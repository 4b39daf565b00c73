import { resolve } from 'node:path';
import { describeError } from './describe-error.js';
import { StoreError } from './errors.js';
import { openPostgres } from './postgres/open-postgres.js';
import { openSqlite } from './sqlite/open-sqlite.js';
import { openSqliteReader } from './sqlite/open-sqlite-reader.js';
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

export interface OpenStoreDatabaseOptions {
  /**
   * Read the store beside the app that has it open (`sluice status`), changing nothing: a
   * SQLite file must exist and is opened without the process lock (see
   * ./sqlite/open-sqlite-reader.ts); PostgreSQL sessions default to read-only transactions.
   */
  readOnly?: boolean;
}

export async function openStoreDatabase(
  location: StoreLocation,
  options: OpenStoreDatabaseOptions = {},
): Promise<StoreDatabase> {
  if (options.readOnly === true)
    return 'url' in location
      ? openPostgresReader(location.url)
      : openSqliteReader(location.sqlitePath);
  return 'url' in location ? openPostgres(location.url) : openSqlite(location.sqlitePath);
}

const readOnlyOption = 'default_transaction_read_only=on';

/**
 * The URL with `-c default_transaction_read_only=on` added to its `options` parameter (the
 * server settings libpq and pg send when a connection starts), after any the URL sets itself.
 * Set at connection start-up rather than by a `SET` on each pooled connection: behind a
 * transaction-pooling PgBouncer a `SET` would stay on a server connection the app then gets.
 * Edited as text, not through `URL`: pg accepts URLs `URL` does not (an empty host with a
 * `host=` socket parameter), and only digit escapes survive pg's re-encoding of a URL with a
 * raw space in it.
 */
export function readOnlyPostgresUrl(url: string): string {
  const hash = url.indexOf('#');
  const [body, fragment] = hash === -1 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  const question = body.indexOf('?');
  const added = `-c%20${readOnlyOption}`;
  if (question === -1) return `${body}?options=${added}${fragment}`;
  const parameters = body.slice(question + 1).split('&');
  // pg takes the last of repeated parameters.
  const index = parameters.findLastIndex((parameter) => parameter.startsWith('options='));
  if (index === -1) parameters.push(`options=${added}`);
  else parameters[index] = `${parameters[index]}%20${added}`;
  return `${body.slice(0, question)}?${parameters.filter((p) => p !== '').join('&')}${fragment}`;
}

/**
 * PgBouncer refuses the `options` start-up parameter unless told to ignore it; the reader
 * then connects without it. Its queries only read either way: read-only sessions are a
 * second guard, not the only one.
 */
async function openPostgresReader(url: string): Promise<StoreDatabase> {
  try {
    return await openPostgres(readOnlyPostgresUrl(url));
  } catch (error) {
    const reason = error instanceof StoreError ? describeError(error.cause) : '';
    if (!/unsupported startup parameter/i.test(reason)) throw error;
    return openPostgres(url);
  }
}
