import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../../src/cli/main.js';
import { createStore } from '../../../src/store/create-store.js';
import { StoreError } from '../../../src/store/errors.js';
import { createMigrator } from '../../../src/store/migrate-store.js';
import { listMigrations } from '../../../src/store/migrations/index.js';
import { openStoreDatabase, readOnlyPostgresUrl } from '../../../src/store/open-store-database.js';
import { openStore } from '../../../src/store/open-store.js';
import { readAppliedMigrations } from '../../../src/store/read-applied-migrations.js';
import type { Store } from '../../../src/store/types.js';
import { anEntry, minute } from '../store/support/builders.js';
import { holdOpenInChild, killAndWait } from '../store/support/child-store-process.js';
import { createEmptyPostgresHarness } from '../store/support/postgres-harness.js';
import { makeTempDirectory } from '../store/support/sqlite-harness.js';

/** The newest migration, and the one before it: a store of the previous version stops there. */
const [previousMigration, newestMigration] = Object.keys(listMigrations('sqlite')).slice(-2) as [
  string,
  string,
];

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function collect(stream: PassThrough): () => string {
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return () => text;
}

async function sluice(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const [out, err] = [collect(stdout), collect(stderr)];
  const code = await runCli(args, { stdin: new PassThrough(), stdout, stderr, cwd, env });
  return { code, stdout: out(), stderr: err() };
}

/** Two queues of octo/widgets' main (one high priority, so not in queueing order) and one of gadgets. */
async function fill(store: Store): Promise<void> {
  await store.queue.enqueue(anEntry({ number: 12, now: minute(1) }));
  await store.queue.enqueue(anEntry({ number: 7, now: minute(2) }));
  await store.queue.enqueue(anEntry({ number: 31, now: minute(3), priority: 'high' }));
  await store.queue.enqueue(anEntry({ repo: 'octo/gadgets', number: 4, now: minute(4) }));
  await store.pauses.pause({
    repo: 'octo/widgets',
    base: 'main',
    reason: 'release freeze',
    by: 'mona',
    now: minute(5),
  });
}

describe('sluice status on a SQLite store', () => {
  let directory: ReturnType<typeof makeTempDirectory>;
  let sqlitePath: string;
  const opened: { close(): Promise<void> }[] = [];
  const children: ChildProcess[] = [];

  /** The app's own open: takes the process lock and keeps it until closed. */
  const openWriter = async () => {
    const store = await openStore({ sqlitePath });
    opened.push(store);
    return store;
  };
  const status = (...args: string[]) =>
    sluice(['status', ...args], directory.path, { DATABASE_URL: sqlitePath });

  beforeEach(() => {
    directory = makeTempDirectory();
    sqlitePath = join(directory.path, 'sluice.db');
  });
  afterEach(async () => {
    await Promise.all(children.splice(0).map((child) => killAndWait(child)));
    await Promise.all(opened.splice(0).map((handle) => handle.close()));
    directory.remove();
  });

  it('reads the queues while the app holds the store, in queue order, with the pause', async () => {
    const writer = await openWriter();
    await fill(writer);

    const result = await status();

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const text = result.stdout;
    // Repositories in order, and within a queue the order the queue takes them.
    const at = (needle: string) => text.indexOf(needle);
    expect(at('octo/gadgets ▸ main')).toBeGreaterThanOrEqual(0);
    expect(at('octo/widgets ▸ main')).toBeGreaterThan(at('octo/gadgets ▸ main'));
    const widgets = text.slice(at('octo/widgets ▸ main'));
    expect(widgets).toContain('3 queued');
    expect(widgets).toMatch(/PAUSED by mona .*: release freeze/);
    const order = ['#31', '#12', '#7'].map((pr) => widgets.indexOf(pr));
    expect(order.every((index) => index > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).not.toContain('\u001b[');

    // The app goes on writing, and the next status sees it.
    await writer.queue.enqueue(anEntry({ number: 40, now: minute(6) }));
    expect((await status('--repo', 'octo/widgets')).stdout).toContain('4 queued');
  });

  it('reads the store while another process, as the running app, holds it', async () => {
    const setup = await openStore({ sqlitePath });
    await fill(setup);
    await setup.close();
    children.push(await holdOpenInChild(sqlitePath));
    // The lock is real: the app's normal open is refused.
    await expect(openStore({ sqlitePath })).rejects.toThrow('is in use by process');

    const result = await status('--json');

    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect((JSON.parse(result.stdout) as unknown[]).length).toBe(2);
  });

  it('prints the queue views as JSON, dates as ISO strings', async () => {
    await fill(await openWriter());

    const result = await status('--json');

    expect(result.code).toBe(0);
    const views = JSON.parse(result.stdout) as {
      repo: string;
      base: string;
      generatedAt: string;
      paused: { reason: string; since: string } | null;
      entries: { number: number; position: number; queuedAt: string }[];
    }[];
    expect(views.map((view) => `${view.repo} ${view.base}`)).toEqual([
      'octo/gadgets main',
      'octo/widgets main',
    ]);
    const widgets = views[1]!;
    expect(widgets.entries.map((entry) => [entry.position, entry.number])).toEqual([
      [1, 31],
      [2, 12],
      [3, 7],
    ]);
    expect(widgets.entries[1]!.queuedAt).toBe(minute(1).toISOString());
    expect(widgets.paused).toMatchObject({ reason: 'release freeze' });
    expect(widgets.generatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(views[0]!.paused).toBeNull();
  });

  it('narrows to a repository, or to one of its queues even when empty', async () => {
    await fill(await openWriter());

    const repo = await status('--repo', 'Octo/Widgets');
    const branch = await status('--repo', 'octo/widgets', '--base', 'release');
    const other = await status('--repo', 'octo/nothing');

    expect(repo.stdout).toContain('octo/widgets ▸ main');
    expect(repo.stdout).not.toContain('octo/gadgets');
    expect(branch.code).toBe(0);
    expect(branch.stdout).toContain('octo/widgets ▸ release');
    expect(branch.stdout).toContain('No pull requests are queued.');
    expect(other).toEqual({
      code: 0,
      stdout:
        'No queue of octo/nothing has entries. Label a pull request `merge-queue` to queue it.\n',
      stderr: '',
    });
  });

  it('says so when no queue has entries', async () => {
    await openWriter();

    expect(await status()).toEqual({
      code: 0,
      stdout: 'No queue has entries. Label a pull request `merge-queue` to queue it.\n',
      stderr: '',
    });
    expect(await status('--json')).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('colours the text with --color, and --no-color wins when given last', async () => {
    await fill(await openWriter());

    expect((await status('--color')).stdout).toContain('\u001b[1m');
    expect((await status('--color', '--no-color')).stdout).not.toContain('\u001b[');
  });

  it('explains a missing store and creates nothing', async () => {
    const result = await status();

    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `sluice status: No SQLite store at ${sqlitePath}: point --database (or DATABASE_URL) at the app's store.\n`,
    });
    expect(existsSync(sqlitePath)).toBe(false);
    expect(existsSync(directory.path)).toBe(true);
  });

  it('explains a file that is not a SQLite store', async () => {
    writeFileSync(sqlitePath, 'not a database, but long enough to have a header. '.repeat(4));

    const result = await status();

    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `sluice status: Cannot read the SQLite store ${sqlitePath}: file is not a database\n`,
    );
  });

  it('asks for the migrations an older store lacks, and applies none', async () => {
    const database = await openStoreDatabase({ sqlitePath });
    await createMigrator(database).migrateTo(previousMigration);
    await database.close();

    const result = await status();

    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `sluice status: SQLite file ${sqlitePath} has 1 migration pending (${newestMigration}): ` +
        'start the new version of the app first (it migrates at start-up), or run ' +
        '`sluice migrate`. Status does not change the schema.\n',
    );
    const again = await openStoreDatabase({ sqlitePath }, { readOnly: true });
    const applied = await readAppliedMigrations(again);
    await again.close();
    expect([...applied.keys()]).not.toContain(newestMigration);
  });

  it('cannot write through the read-only open', async () => {
    const writer = await openWriter();
    await fill(writer);
    const reader = await openStoreDatabase({ sqlitePath }, { readOnly: true });
    opened.push(reader);

    const insert = reader.db
      .insertInto('webhook_delivery')
      .values({ id: 'delivery-1', received_at: minute(9).toISOString() })
      .execute();
    // By code, not toThrow: better-sqlite3's error class is the first Jest test file's in a
    // worker, and toThrow takes an error of another realm for no error at all.
    const readOnly = { code: expect.stringMatching(/^SQLITE_READONLY/) };
    await expect(insert).rejects.toMatchObject(readOnly);
    const store = createStore(reader);
    await expect(store.queue.enqueue(anEntry({ number: 99 }))).rejects.toMatchObject(readOnly);
    expect(await store.pauses.get({ repo: 'octo/gadgets', base: 'main' })).toBeUndefined();
    expect(await writer.queue.list({ repo: 'octo/widgets', base: 'main' })).toHaveLength(3);
  });

  it('refuses unknown flags and odd values as usage errors', async () => {
    const cases: [string[], string][] = [
      [['--bogus'], "Unknown option '--bogus'"],
      [['--repo', 'widgets'], "--repo takes OWNER/NAME, not 'widgets'"],
      [['--base', 'main'], '--base needs --repo'],
      [['extra'], "Unexpected argument 'extra'"],
    ];
    for (const [args, what] of cases) {
      const result = await status(...args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      const lines = result.stderr.split('\n');
      expect(lines[0]).toMatch(/^sluice status: /);
      expect(lines[0]).toContain(what);
      expect(lines[1]).toBe("Run 'sluice status --help' for usage.");
    }
  });

  it('is listed by sluice --help and documents itself', async () => {
    const help = await sluice(['--help'], directory.path);
    const usage = await sluice(['help', 'status'], directory.path);

    expect(help.stdout).toMatch(/\n {2}status +show the queues/);
    expect(usage.code).toBe(0);
    expect(usage.stdout).toMatch(/^Usage: sluice status /);
  });
});

describe('sluice status on PostgreSQL', () => {
  // The harness's URL sets search_path in `options`: the reader keeps it and adds read-only.
  it('reads the queues through read-only sessions', async () => {
    const harness = await createEmptyPostgresHarness();
    try {
      const url = 'url' in harness.location ? harness.location.url : '';
      await fill(await harness.open());

      const result = await sluice(['status', '--json', '--database', url], process.cwd());
      const reader = await openStoreDatabase(harness.location, { readOnly: true });
      const insert = createStore(reader).queue.enqueue(anEntry({ number: 99 }));
      await expect(insert).rejects.toMatchObject({
        message: expect.stringContaining('read-only transaction'),
      });
      await reader.close();

      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const views = JSON.parse(result.stdout) as { entries: { number: number }[] }[];
      expect(views.map((view) => view.entries.map((entry) => entry.number))).toEqual([
        [4],
        [31, 12, 7],
      ]);
    } finally {
      await harness.dispose();
    }
  });

  it('gives an older PostgreSQL store the same advice', async () => {
    const harness = await createEmptyPostgresHarness();
    try {
      await createMigrator(await harness.openDatabase()).migrateTo(previousMigration);
      const url = 'url' in harness.location ? harness.location.url : '';

      const result = await sluice(['status', '--database', url], process.cwd());

      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^sluice status: PostgreSQL .* has 1 migration pending /);
      expect(result.stderr).toContain(
        `(${newestMigration}): start the new version of the app first (it migrates at start-up)`,
      );
    } finally {
      await harness.dispose();
    }
  });
});

describe('readOnlyPostgresUrl', () => {
  it.each([
    [
      'postgres://u:p@h:5432/db',
      'postgres://u:p@h:5432/db?options=-c%20default_transaction_read_only=on',
    ],
    [
      'postgres://h/db?sslmode=require',
      'postgres://h/db?sslmode=require&options=-c%20default_transaction_read_only=on',
    ],
    [
      'postgres://h/db?options=-c+search_path%3Dsluice&sslmode=require',
      'postgres://h/db?options=-c+search_path%3Dsluice%20-c%20default_transaction_read_only=on&sslmode=require',
    ],
    [
      'postgres://u@/db?host=/var/run/postgresql',
      'postgres://u@/db?host=/var/run/postgresql&options=-c%20default_transaction_read_only=on',
    ],
  ])('%s', (url, expected) => {
    expect(readOnlyPostgresUrl(url)).toBe(expected);
  });

  it('is refused as a store error when nothing answers', async () => {
    const opening = openStoreDatabase(
      { url: 'postgres://nobody@127.0.0.1:1/x' },
      { readOnly: true },
    );
    await expect(opening).rejects.toThrow(StoreError);
  });
});
