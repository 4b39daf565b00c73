import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../../src/cli/main.js';
import { holdOpenInChild, killAndWait } from './support/child-store-process.js';
import { createEmptyPostgresHarness } from './support/postgres-harness.js';
import { makeTempDirectory } from './support/sqlite-harness.js';
import type { StoreHarness } from './support/store-harness.js';

function collect(stream: PassThrough): () => string {
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return () => text;
}

async function sluice(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const [out, err] = [collect(stdout), collect(stderr)];
  const io = { stdin: new PassThrough(), stdout, stderr, cwd: options.cwd, env: options.env ?? {} };
  const code = await runCli(args, io);
  return { code, stdout: out(), stderr: err() };
}

describe('sluice migrate', () => {
  let directory: ReturnType<typeof makeTempDirectory>;
  let cwd: string;
  beforeEach(() => {
    directory = makeTempDirectory();
    cwd = directory.path;
  });
  afterEach(() => directory.remove());

  it('migrates a new SQLite file, then finds it up to date', async () => {
    const path = join(cwd, 'data', 'q.db');
    const first = await sluice(['migrate', '--database', 'data/q.db'], { cwd });
    const second = await sluice(['migrate', '--database', path], { cwd });
    expect(first).toEqual({
      code: 0,
      stdout: `Applied 8 migrations to SQLite file ${path}: 0001_initial, 0002_orchestration, 0003_outbox, 0004_lease_handover, 0005_staging_chains, 0006_priorities, 0007_queue_pause, 0008_check_run_node_id\n`,
      stderr: '',
    });
    expect(second).toEqual({ code: 0, stdout: `SQLite file ${path} is up to date.\n`, stderr: '' });
  });

  it('reports status without creating the file, and exits 1 while migrations are pending', async () => {
    const path = join(cwd, '.sluice', 'sluice.db');
    const before = await sluice(['migrate', '--status'], { cwd });
    expect(before).toEqual({
      code: 1,
      stdout: `No SQLite file at ${path} yet: 8 migrations pending (0001_initial, 0002_orchestration, 0003_outbox, 0004_lease_handover, 0005_staging_chains, 0006_priorities, 0007_queue_pause, 0008_check_run_node_id).\n`,
      stderr: '',
    });
    expect(existsSync(path)).toBe(false);

    await sluice(['migrate'], { cwd });
    const after = await sluice(['migrate', '--status'], { cwd });
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(
      /^SQLite file .*\n {2}applied \d{4}-\d\d-\d\dT[\d:.]+Z {4}0001_initial\n {2}applied \d{4}-\d\d-\d\dT[\d:.]+Z {4}0002_orchestration\n {2}applied \d{4}-\d\d-\d\dT[\d:.]+Z {4}0003_outbox\n {2}applied \d{4}-\d\d-\d\dT[\d:.]+Z {4}0004_lease_handover\n {2}applied \d{4}-\d\d-\d\dT[\d:.]+Z {4}0005_staging_chains\n {2}applied \d{4}-\d\d-\d\dT[\d:.]+Z {4}0006_priorities\n {2}applied \d{4}-\d\d-\d\dT[\d:.]+Z {4}0007_queue_pause\n {2}applied \d{4}-\d\d-\d\dT[\d:.]+Z {4}0008_check_run_node_id\nUp to date\.\n$/,
    );
  });

  it('uses DATABASE_URL when --database is not given', async () => {
    const result = await sluice(['migrate'], { cwd, env: { DATABASE_URL: 'from-env.db' } });
    expect(result.stdout).toContain(`SQLite file ${join(cwd, 'from-env.db')}:`);
  });

  it('migrates and reports a PostgreSQL schema', async () => {
    const harness: StoreHarness = await createEmptyPostgresHarness();
    try {
      const url = 'url' in harness.location ? harness.location.url : '';
      const pending = await sluice(['migrate', '--status', '--database', url], { cwd });
      const applied = await sluice(['migrate'], { cwd, env: { DATABASE_URL: url } });
      expect(pending.code).toBe(1);
      expect(pending.stdout).toMatch(
        /^PostgreSQL 127\.0\.0\.1:5432\/test \(schema store_test_\w+\)\n {2}pending +0001_initial\n {2}pending +0002_orchestration\n {2}pending +0003_outbox\n {2}pending +0004_lease_handover\n {2}pending +0005_staging_chains\n {2}pending +0006_priorities\n {2}pending +0007_queue_pause\n {2}pending +0008_check_run_node_id\n8 migrations pending: run `sluice migrate` to apply\.\n$/,
      );
      expect(applied).toMatchObject({
        code: 0,
        stdout: expect.stringMatching(/^Applied 8 migrations to PostgreSQL/),
      });
    } finally {
      await harness.dispose();
    }
  });

  it('explains a database another process holds', async () => {
    const path = join(cwd, 'held.db');
    const holder = await holdOpenInChild(path);
    try {
      const result = await sluice(['migrate', '--database', path], { cwd });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `sluice migrate: The SQLite store ${path} is in use by process ${holder.pid} `,
      );
    } finally {
      await killAndWait(holder);
    }
  });

  it('explains a database it cannot reach or does not understand', async () => {
    const unreachable = await sluice(
      ['migrate', '--database', 'postgres://nobody:secret@127.0.0.1:1/x'],
      { cwd },
    );
    const mysql = await sluice(['migrate', '--database', 'mysql://localhost/x'], { cwd });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(
      /^sluice migrate: Cannot connect to PostgreSQL 127\.0\.0\.1:1\/x: \S/,
    );
    expect(unreachable.stderr).not.toContain('secret');
    expect(mysql).toEqual({
      code: 1,
      stdout: '',
      stderr:
        "sluice migrate: Unsupported database URL scheme 'mysql://': use postgres://... for " +
        'PostgreSQL or a file path for SQLite.\n',
    });
  });

  it('names an unknown option in one line, pointing at --help', async () => {
    const result = await sluice(['migrate', '--force'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^sluice migrate: Unknown option '--force'[^\n]*\nRun 'sluice migrate --help' for usage\.\n$/,
    );
  });
});
