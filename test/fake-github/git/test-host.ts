import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitHost } from './git-host.js';
import type { GitRepo } from './git-repo.js';
import type { Identity, Signature } from './types.js';

/** Test support: a fresh data directory per test, and a virtual clock to date commits. */
export type TestHost = { host: GitHost; dataDir: string; cleanup: () => Promise<void> };

export async function createTestHost(): Promise<TestHost> {
  const dataDir = await mkdtemp(join(tmpdir(), 'fake-github-git-'));
  return {
    host: new GitHost(dataDir),
    dataDir,
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
}

export function createWidgets(host: GitHost, defaultBranch = 'main'): Promise<GitRepo> {
  return host.createRepo({ owner: 'acme', name: 'widgets', defaultBranch });
}

export const alice: Identity = { name: 'Alice', email: 'alice@example.com' };

/** Minutes after a fixed epoch: commit dates never come from the wall clock. */
export function minute(n: number): Date {
  return new Date(Date.UTC(2024, 0, 1) + n * 60_000);
}

export function signed(who: Identity, at: number): Signature {
  return { ...who, date: minute(at) };
}

/** Commits `files` on `branch` (created if absent) and returns the new commit sha. */
export async function commitOn(
  repo: GitRepo,
  branch: string,
  files: Record<string, string | null>,
  at = 0,
): Promise<string> {
  const message = `Change ${Object.keys(files).join(', ')}`;
  const { sha } = await repo.commitFiles({
    branch,
    files,
    message,
    author: alice,
    date: minute(at),
  });
  return sha;
}
