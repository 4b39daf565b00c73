import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createCodec } from '../codec.js';
import { describeError } from '../describe-error.js';
import { StoreError } from '../errors.js';
import type { StoreSchema } from '../schema.js';
import type { StoreDatabase } from '../store-database.js';
import { TransactionalSqliteDialect } from './transactional-sqlite-dialect.js';

/**
 * Opens an existing SQLite store to read it, beside the app that has it open: no process
 * lock (acquire-process-lock.ts is for writers), no pragma that writes (the app set WAL
 * mode, which is what lets a reader in while it commits), and the connection refuses writes
 * twice over (`readonly`, `query_only`). Never creates the file. The busy timeout covers the
 * brief moments a WAL reader can wait (the writer restarting the log after a checkpoint); it
 * blocks the event loop, which is fine for a command that only reads.
 */
export function openSqliteReader(path: string): StoreDatabase {
  const absolute = resolve(path);
  if (!existsSync(absolute))
    throw new StoreError(
      `No SQLite store at ${absolute}: point --database (or DATABASE_URL) at the app's store.`,
    );
  // Spelled as openSqlite spells it, so messages name the file the same way.
  const canonical = join(realpathSync(dirname(absolute)), basename(absolute));
  let connection: Database.Database | undefined;
  try {
    connection = new Database(canonical, { readonly: true, fileMustExist: true, timeout: 5_000 });
    connection.pragma('query_only = ON');
    // Opening reads nothing: a file that is not a SQLite database fails here rather than
    // in the middle of the first real query.
    connection.prepare('select count(*) from sqlite_master').get();
  } catch (error) {
    connection?.close();
    throw new StoreError(`Cannot read the SQLite store ${canonical}: ${describeError(error)}`, {
      cause: error,
    });
  }
  const db = new Kysely<StoreSchema>({
    dialect: new TransactionalSqliteDialect({ database: connection }),
  });
  let closed = false;
  return {
    db,
    codec: createCodec('sqlite'),
    schema: undefined,
    description: `SQLite file ${canonical}`,
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
