import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { StoreLockedError } from '../../../src/store/errors.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/types.js';
import { anEntry } from './support/builders.js';
import { holdOpenInChild, killAndWait, tryOpenInChild } from './support/child-store-process.js';
import { makeTempDirectory } from './support/sqlite-harness.js';

describe('SQLite store file', () => {
  let directory: ReturnType<typeof makeTempDirectory>;
  let sqlitePath: string;
  const stores: Store[] = [];
  const children: ChildProcess[] = [];
  const open = async () => {
    const store = await openStore({ sqlitePath });
    stores.push(store);
    return store;
  };

  beforeEach(() => {
    directory = makeTempDirectory();
    sqlitePath = join(directory.path, 'sluice.db');
  });
  afterEach(async () => {
    await Promise.all(children.splice(0).map((child) => killAndWait(child)));
    await Promise.all(stores.splice(0).map((store) => store.close()));
    directory.remove();
  });

  it('is in WAL mode, so readers do not wait for the writer', async () => {
    await open();
    const raw = new Database(sqlitePath, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('refuses a second process, naming the process that has it open', async () => {
    await open();
    const second = await tryOpenInChild(sqlitePath);
    expect(second.code).toBe(3);
    expect(second.stderr).toContain(`in use by process ${process.pid} on ${hostname()}`);
    expect(second.stderr).toContain(sqlitePath);
  });

  it('lets another process open it once this one has closed it', async () => {
    await (await open()).close();
    expect(await tryOpenInChild(sqlitePath)).toEqual({ code: 0, stdout: 'opened\n', stderr: '' });
  });

  it('takes over from a process that was killed while holding it', async () => {
    const holder = await holdOpenInChild(sqlitePath);
    children.push(holder);
    const refused = openStore({ sqlitePath });
    await expect(refused).rejects.toThrow(StoreLockedError);
    await expect(refused).rejects.toMatchObject({ holder: { pid: holder.pid } });
    await killAndWait(children.pop()!);
    const store = await open();
    expect((await store.queue.enqueue(anEntry())).ok).toBe(true);
  });

  it('takes over a lock file whose recorded holder is gone', async () => {
    const lock = new Database(`${sqlitePath}.lock`);
    lock.exec(`create table holder (id integer primary key, pid integer, host text, since text);
      insert into holder values (1, 999999, '${hostname()}', '2020-01-01T00:00:00.000Z')`);
    lock.close();
    await open();
    expect((await tryOpenInChild(sqlitePath)).stderr).toContain(`process ${process.pid} `);
  });

  it('shares the file between stores of one process until the last one closes', async () => {
    const first = await open();
    const second = await open();
    await first.queue.enqueue(anEntry());
    await first.close();
    expect(await second.queue.list({ repo: 'octo/widgets', base: 'main' })).toHaveLength(1);
    expect((await tryOpenInChild(sqlitePath)).code).toBe(3);
    await second.close();
    expect((await tryOpenInChild(sqlitePath)).code).toBe(0);
  });
});
