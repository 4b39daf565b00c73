import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { RepoGitHub } from '../../../src/github/port.js';
import { HostCapabilities } from '../../../src/reconcile/host-capabilities.js';
import { RepoCache, defaultCacheTtl } from '../../../src/reconcile/repo-cache.js';
import { settleJournal } from '../../../src/reconcile/settle-journal.js';
import { defaultSettings, type ReconcileDeps } from '../../../src/reconcile/types.js';
import { openStore } from '../../../src/store/index.js';
import type { Store } from '../../../src/store/types.js';

const silent = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
const minutes = (n: number) => new Date(Date.UTC(2026, 0, 1, 12, n));

describe('two sweeps settling the same journal rows', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'settle-overlap-'));
    store = await openStore({ sqlitePath: join(dir, 's.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function openRow(target: string): Promise<number> {
    const { row } = await store.journal.recordIntent({
      repo: 'acme/widgets',
      kind: 'update-ref',
      target,
      expectedOld: 'old',
      newValue: 'new',
      idempotencyKey: `update-ref:${target}`,
      now: minutes(0),
    });
    return row.id;
  }

  it('skips a row the other sweep closed meanwhile and still settles the rest', async () => {
    const first = await openRow('refs/heads/release');
    await openRow('refs/heads/main');
    const github = {
      owner: 'acme',
      repo: 'widgets',
      branchSha: async (branch: string) => {
        // The other replica's sweep looks at the same row and closes it first.
        if (branch === 'release')
          await store.journal.recordOutcome({ id: first, now: minutes(30), status: 'done' });
        return 'new';
      },
    } as unknown as RepoGitHub;
    const deps: ReconcileDeps = {
      github,
      store,
      cache: new RepoCache(defaultCacheTtl),
      host: new HostCapabilities(),
      now: () => minutes(30),
      sleep: () => Promise.resolve(),
      log: silent,
      settings: defaultSettings,
    };

    expect(await settleJournal(deps)).toBe(1);
    expect(await store.journal.listOpen('acme/widgets')).toEqual([]);
  });
});
