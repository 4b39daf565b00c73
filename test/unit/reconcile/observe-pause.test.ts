import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { RepoGitHub } from '../../../src/github/port.js';
import { HostCapabilities } from '../../../src/reconcile/host-capabilities.js';
import { observe } from '../../../src/reconcile/observe.js';
import { RepoCache, defaultCacheTtl } from '../../../src/reconcile/repo-cache.js';
import { defaultSettings, type ReconcileDeps } from '../../../src/reconcile/types.js';
import { openStore } from '../../../src/store/index.js';
import type { Store } from '../../../src/store/types.js';

const silent = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
const now = new Date(Date.UTC(2026, 0, 1, 12));
const queue = { repo: 'acme/widgets', base: 'main' };
const frozen = "queue:\n  freeze:\n    reason: 'Release 2.4 is being cut'\n";

/** Only what observing an empty queue reads: the config and the base's policy. */
function githubWith(config: string | undefined): RepoGitHub {
  return {
    owner: 'acme',
    repo: 'widgets',
    defaultBranch: () => Promise.resolve('main'),
    readFile: () => Promise.resolve(config),
    readFileIn: () => Promise.resolve(undefined),
    requiredPolicy: () => Promise.resolve({ checks: [], approvals: 0, unreadable: [] }),
  } as unknown as RepoGitHub;
}

describe('observing whether a queue is paused', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'observe-pause-'));
    store = await openStore({ sqlitePath: join(dir, 's.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const paused = async (config?: string) => {
    const deps: ReconcileDeps = {
      github: githubWith(config),
      store,
      cache: new RepoCache(defaultCacheTtl),
      host: new HostCapabilities(),
      now: () => now,
      sleep: () => Promise.resolve(),
      log: silent,
      settings: defaultSettings,
    };
    return (await observe(deps, queue)).snapshot.paused;
  };

  it('is not paused without a freeze or an operator pause', async () => {
    expect(await paused()).toBeNull();
  });

  it("reads an operator's pause of this queue from the store", async () => {
    await store.pauses.pause({ ...queue, reason: 'CI is down', by: 'mona', now });
    await store.pauses.pause({ ...queue, base: 'release', reason: 'other', by: 'hubot', now });
    expect(await paused()).toEqual({
      reason: 'CI is down',
      by: { kind: 'operator', login: 'mona' },
    });
    await store.pauses.resume({ ...queue, by: 'mona', now });
    expect(await paused()).toBeNull();
  });

  it('puts the config freeze before an operator pause', async () => {
    await store.pauses.pause({ ...queue, reason: 'CI is down', by: 'mona', now });
    expect(await paused(frozen)).toEqual({
      reason: 'Release 2.4 is being cut',
      by: { kind: 'config' },
    });
  });
});
