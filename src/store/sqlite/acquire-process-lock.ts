import Database from 'better-sqlite3';
import { hostname } from 'node:os';
import { StoreLockedError } from '../errors.js';

export interface ProcessLock {
  release(): void;
}

interface Holder {
  pid: number;
  host: string;
  since: string;
}

/**
 * By code, not `instanceof Database.SqliteError`: the native addon keeps the error class of
 * whichever copy of better-sqlite3 loaded it first (each Jest test file loads its own).
 */
function isBusy(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : '';
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** Undefined while another process is in the middle of claiming the lock. */
function readHolder(lock: Database.Database): Holder | undefined {
  try {
    return lock.prepare('select pid, host, since from holder').get() as Holder | undefined;
  } catch (error) {
    if (isBusy(error)) return undefined;
    throw error;
  }
}

/**
 * Keeps other processes off `<file>.lock`, a small SQLite database in rollback-journal mode.
 * The holder writes its pid there, then keeps a read transaction open: the kernel's lock on
 * the file then blocks anyone else's commit, and the kernel drops it when the holder dies,
 * so a crashed process leaves no lock behind (only a stale pid row, overwritten by the next
 * holder). A pid file checked with `kill -0` would mistake a reused pid (pid 1 in every
 * container) for a live holder. The file is never deleted: unlinking a lock file lets two
 * processes lock two different inodes.
 */
export function acquireProcessLock(databasePath: string): ProcessLock {
  const lockPath = `${databasePath}.lock`;
  const lock = new Database(lockPath, { timeout: 0 });
  try {
    lock.pragma('journal_mode = DELETE');
    lock.exec(`create table if not exists holder (
      id integer primary key check (id = 1), pid integer not null, host text not null,
      since text not null)`);
    claim(lock, databasePath);
  } catch (error) {
    if (lock.inTransaction) lock.exec('rollback');
    lock.close();
    throw error;
  }
  return {
    release: () => {
      lock.exec('rollback');
      lock.close();
    },
  };
}

function claim(lock: Database.Database, databasePath: string): void {
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  try {
    lock.exec('begin immediate');
    lock
      .prepare('insert or replace into holder (id, pid, host, since) values (1, ?, ?, ?)')
      .run(me.pid, me.host, me.since);
    lock.exec('commit');
  } catch (error) {
    if (!isBusy(error)) throw error;
    if (lock.inTransaction) lock.exec('rollback');
    throw new StoreLockedError(databasePath, readHolder(lock));
  }
  // Between our commit and this read another starter may have overwritten the row; the
  // last writer wins, and everyone else sees its pid here.
  lock.exec('begin');
  const holder = readHolder(lock);
  if (holder?.pid !== me.pid || holder.host !== me.host || holder.since !== me.since) {
    lock.exec('rollback');
    throw new StoreLockedError(databasePath, holder);
  }
}
