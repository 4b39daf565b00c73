import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { createCodec } from '../codec.js';
import { describeError } from '../describe-error.js';
import { StoreError } from '../errors.js';
import type { StoreSchema } from '../schema.js';
import type { StoreDatabase } from '../store-database.js';

/** The URL without its password, for messages and logs. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `PostgreSQL ${parsed.host}${parsed.pathname}`;
  } catch {
    return 'PostgreSQL (unparsable DATABASE_URL)';
  }
}

/**
 * Connects a pool and checks it answers. Tables live in the first schema of the
 * connection's search_path, so `?options=-c%20search_path%3Dsluice` in the URL separates
 * installations (and test runs) sharing one database.
 */
export async function openPostgres(url: string): Promise<StoreDatabase> {
  const description = describePostgresUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client losing its connection (server restart) emits 'error' on the pool; with
  // no listener Node would crash the app. The next query simply gets a fresh client.
  pool.on('error', () => {});
  const db = new Kysely<StoreSchema>({ dialect: new PostgresDialect({ pool }) });
  let schema: string | null | undefined;
  try {
    const result = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(
      db,
    );
    schema = result.rows[0]?.schema;
  } catch (error) {
    await db.destroy();
    throw new StoreError(`Cannot connect to ${description}: ${describeError(error)}`, {
      cause: error,
    });
  }
  if (schema == null) {
    await db.destroy();
    throw new StoreError(
      `${description}: no schema on the search_path exists; create it (CREATE SCHEMA ...) ` +
        `or fix search_path in DATABASE_URL.`,
    );
  }
  let closed = false;
  return {
    db,
    codec: createCodec('postgres'),
    schema,
    description: schema === 'public' ? description : `${description} (schema ${schema})`,
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
