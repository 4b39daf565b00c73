import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createTestHost } from './test-host.js';
import type { TestHost } from './test-host.js';

let t: TestHost;
beforeEach(async () => {
  t = await createTestHost();
});
afterEach(() => t.cleanup());

describe('GitHost', () => {
  it('creates a bare repository whose HEAD names the chosen default branch', async () => {
    const repo = await t.host.createRepo({
      owner: 'acme',
      name: 'widgets',
      defaultBranch: 'trunk',
    });
    expect(repo.gitDir).toBe(`${t.dataDir}/acme/widgets.git`);
    expect(await repo.defaultBranch()).toBe('trunk');
    await repo.setDefaultBranch('main');
    expect(await repo.defaultBranch()).toBe('main');
  });

  it('hands out one instance per repository, so all callers share its lock', async () => {
    const created = await t.host.createRepo({ owner: 'acme', name: 'widgets' });
    expect(await t.host.openRepo('acme', 'widgets')).toBe(created);
    expect(await t.host.openRepo('ACME', 'Widgets')).toBe(created);
  });

  it('opens nothing for a missing repository or a name that could escape the data directory', async () => {
    expect(await t.host.openRepo('acme', 'missing')).toBeUndefined();
    expect(await t.host.openRepo('..', 'etc')).toBeUndefined();
    expect(await t.host.openRepo('acme', '.git-home')).toBeUndefined();
    await expect(t.host.createRepo({ owner: 'a/b', name: 'c' })).rejects.toThrow(
      'Invalid repository name',
    );
  });
});
