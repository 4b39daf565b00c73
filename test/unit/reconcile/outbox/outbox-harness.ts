import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from '@jest/globals';
import { openStore } from '../../../../src/store/index.js';
import type { Store } from '../../../../src/store/types.js';
import { HostCapabilities } from '../../../../src/reconcile/host-capabilities.js';
import { RepoCache, defaultCacheTtl } from '../../../../src/reconcile/repo-cache.js';
import { defaultSettings, type ReconcileDeps } from '../../../../src/reconcile/types.js';
import type { CheckRunRender } from '../../../../src/messages/index.js';
import { FakeNoticeGitHub } from './fake-notice-github.js';

export const queue = { repo: 'acme/widgets', base: 'main' };

export function aCheckRun(
  title: string,
  status: 'queued' | 'completed' = 'queued',
): CheckRunRender {
  const base = { title, summary: title, actions: [], annotations: [] };
  return status === 'queued'
    ? { ...base, status }
    : { ...base, status, conclusion: 'success' as const };
}

const silent = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/**
 * A fresh SQLite store, a scripted GitHub and one process's cache and host facts per test;
 * `deps()` is what one reconcile pass gets.
 */
export function useOutboxHarness() {
  const harness = {
    store: undefined as unknown as Store,
    gh: undefined as unknown as FakeNoticeGitHub,
    cache: undefined as unknown as RepoCache,
    host: undefined as unknown as HostCapabilities,
    deps(): ReconcileDeps {
      return {
        github: harness.gh.port(),
        store: harness.store,
        cache: harness.cache,
        host: harness.host,
        now: () => new Date(Date.UTC(2030, 0, 1)),
        sleep: () => Promise.resolve(),
        log: silent,
        settings: defaultSettings,
      };
    },
  };
  let dir: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    harness.store = await openStore({ sqlitePath: join(dir, 's.db') });
    harness.gh = new FakeNoticeGitHub();
    harness.cache = new RepoCache(defaultCacheTtl);
    harness.host = new HostCapabilities();
  });
  afterEach(async () => {
    await harness.store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return harness;
}
