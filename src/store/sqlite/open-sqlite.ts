import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { mkdirSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createCodec } from '../codec.js';
import { describeError } from '../describe-error.js';
import { StoreError } from '../errors.js';
import type { StoreSchema } from '../schema.js';
import type { StoreDatabase } from '../store-database.js';
import { acquireProcessLock, type ProcessLock } from './acquire-process-lock.js';
import { releaseLeftLeases } from './release-left-leases.js';
import { TransactionalSqliteDialect } from './transactional-sqlite-dialect.js';

interface SharedFile {
  db: Kysely<StoreSchema>;
  lock: ProcessLock;
  users: number;
}

/**
 * Opens within one process share one connection. better-sqlite3 is synchronous: a second
 * connection waiting on the busy timeout would block the event loop that the first one
 * needs to finish its transaction. Kysely queues transactions on the shared connection.
 */
const openFiles = new Map<string, SharedFile>();

/** One key per file, however it is spelled; creates the directory of a first run. */
function canonicalPath(path: string): string {
  const absolute = resolve(path);
  try {
    mkdirSync(dirname(absolute), { recursive: true });
    return join(realpathSync(dirname(absolute)), basename(absolute));
  } catch (error) {
    throw new StoreError(`Cannot create the directory for the SQLite store ${absolute}`, {
      cause: error,
    });
  }
}

function openFile(path: string): SharedFile {
  const lock = acquireProcessLock(path);
  try {
    const connection = new Database(path, { timeout: 5_000 });
    // WAL lets readers run while the writer commits. FULL (not WAL's usual NORMAL) syncs
    // every commit: a journal intent must survive a power cut before the GitHub call it
    // announces is made, and Sluice writes a few rows a second at most.
    connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = FULL');
    connection.pragma('foreign_keys = ON');
    releaseLeftLeases(connection);
    const db = new Kysely<StoreSchema>({
      dialect: new TransactionalSqliteDialect({ database: connection }),
    });
    return { db, lock, users: 0 };
  } catch (error) {
    lock.release();
    throw new StoreError(`Cannot open the SQLite store ${path}: ${describeError(error)}`, {
      cause: error,
    });
  }
}

/** Opens (creating if needed) a SQLite store file; refuses one another process has open. */
export function openSqlite(path: string): StoreDatabase {
  const canonical = canonicalPath(path);
  const shared = openFiles.get(canonical) ?? openFile(canonical);
  openFiles.set(canonical, shared);
  shared.users += 1;
  let closed = false;
  return {
    db: shared.db,
    codec: createCodec('sqlite'),
    schema: undefined,
    description: `SQLite file ${canonical}`,
    close: async () => {
      if (closed) return;
      closed = true;
      shared.users -= 1;
      if (shared.users > 0) return;
      openFiles.delete(canonical);
      await shared.db.destroy();
      shared.lock.release();
    },
  };
}
