import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { openStore } from '../../../src/store/index.js';
import type { Store } from '../../../src/store/types.js';
import type { RepoGitHub } from '../../../src/github/port.js';
import { settleJournal } from '../../../src/reconcile/settle-journal.js';
import { HostCapabilities } from '../../../src/reconcile/host-capabilities.js';
import { RepoCache, defaultCacheTtl } from '../../../src/reconcile/repo-cache.js';
import { defaultSettings, type ReconcileDeps } from '../../../src/reconcile/types.js';

const silent = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
const minutes = (n: number) => new Date(Date.UTC(2026, 0, 1, 12, n));

/** Only what settling reads: branch tips and whether a PR merged. */
function githubWith(branches: Record<string, string>, merged: number[]): RepoGitHub {
  return {
    owner: 'acme',
    repo: 'widgets',
    branchSha: (branch: string) => Promise.resolve(branches[branch]),
    getPull: (number: number) =>
      Promise.resolve({
        pull: {
          number,
          state: merged.includes(number) ? 'closed' : 'open',
          merged: merged.includes(number),
          headSha: 'h',
          labels: [],
        },
      }),
  } as unknown as RepoGitHub;
}

describe('settling open journal rows from the sweep', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'settle-'));
    store = await openStore({ sqlitePath: join(dir, 's.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const deps = (github: RepoGitHub, now: Date): ReconcileDeps => ({
    github,
    store,
    cache: new RepoCache(defaultCacheTtl),
    host: new HostCapabilities(),
    now: () => now,
    sleep: () => Promise.resolve(),
    log: silent,
    settings: defaultSettings,
  });

  async function openRow(
    kind: 'update-ref' | 'merge-pr',
    target: string,
    expectedOld: string | null,
    newValue: string | null,
    at: Date,
  ) {
    const { row } = await store.journal.recordIntent({
      repo: 'acme/widgets',
      kind,
      target,
      expectedOld,
      newValue,
      idempotencyKey: `${kind}:${target}:${at.getTime()}`,
      now: at,
    });
    await store.journal.recordOutcome({
      id: row.id,
      now: at,
      status: 'unknown',
      result: { error: '502' },
    });
    return row.id;
  }

  it('closes what GitHub can tell, leaves what it cannot, and ignores rows that may still be in flight', async () => {
    await openRow('update-ref', 'refs/heads/main', 'old', 'new', minutes(0)); // main is at new: done
    await openRow('update-ref', 'refs/heads/release', 'old', 'new', minutes(0)); // still old: failed
    await openRow('update-ref', 'refs/heads/other', 'old', 'new', minutes(0)); // moved on: stays open
    await openRow('merge-pr', 'pr#7', 'h', 't', minutes(0)); // merged: done
    await openRow('update-ref', 'refs/heads/main', 'new', 'newer', minutes(25)); // too young

    const github = githubWith({ main: 'new', release: 'old', other: 'elsewhere' }, [7]);
    expect(await settleJournal(deps(github, minutes(30)))).toBe(3);
    const open = await store.journal.listOpen('acme/widgets');
    expect(open.map((r) => r.target)).toEqual(['refs/heads/other', 'refs/heads/main']);
  });
});
