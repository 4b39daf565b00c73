import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHarness, type HarnessFactories, type HarnessFactory } from './store-harness.js';

export function makeTempDirectory(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'sluice-store-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A new file per test: cheap on SQLite, so empty and migrated start the same way. */
export const createSqliteHarness: HarnessFactory = () => {
  const directory = makeTempDirectory();
  const location = { sqlitePath: join(directory.path, 'sluice.db') };
  return Promise.resolve(createHarness(location, () => Promise.resolve(directory.remove())));
};

export const sqliteHarnesses: HarnessFactories = {
  empty: createSqliteHarness,
  migrated: createSqliteHarness,
};
