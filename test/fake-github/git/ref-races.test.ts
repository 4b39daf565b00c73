import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { RefRaceError } from './errors.js';
import type { GitRepo } from './git-repo.js';
import { commitOn, createTestHost, createWidgets } from './test-host.js';
import type { TestHost } from './test-host.js';

let t: TestHost;
let repo: GitRepo;
let base: string;
let ahead: string;
let sideways: string;
beforeEach(async () => {
  t = await createTestHost();
  repo = await createWidgets(t.host);
  base = await commitOn(repo, 'main', { 'a.txt': 'a' }, 0);
  ahead = await commitOn(repo, 'main', { 'a.txt': 'b' }, 1);
  await repo.updateRef('refs/heads/main', base, { force: true });
  await repo.createRef('refs/heads/side', base);
  sideways = await commitOn(repo, 'side', { 'c.txt': 'c' }, 2);
});
afterEach(() => t.cleanup());

describe('the race hook', () => {
  it('fails the update with a lost race when the ref moves between check and write', async () => {
    const updating = repo.updateRef('refs/heads/main', ahead, {
      beforeRefWrite: () => repo.updateRef('refs/heads/main', sideways),
    });
    await expect(updating).rejects.toEqual(new RefRaceError('refs/heads/main', base, sideways));
    expect(await repo.resolveRef('refs/heads/main')).toBe(sideways);
  });

  it('can be installed on the repository, for a write whose caller is out of reach', async () => {
    const moves: string[] = [];
    const remove = repo.onBeforeRefWrite(async ({ ref, old, next }) => {
      moves.push(`${ref} ${old} -> ${next}`);
      if (ref === 'refs/heads/main') await repo.deleteRef('refs/heads/main');
    });
    await expect(repo.updateRef('refs/heads/main', ahead)).rejects.toEqual(
      new RefRaceError('refs/heads/main', base, undefined),
    );
    expect(moves).toEqual([`refs/heads/main ${base} -> ${ahead}`]);
    remove();
    await repo.createRef('refs/heads/main', ahead);
    expect(moves).toHaveLength(1);
  });

  it('makes a delete lose its race too', async () => {
    const deleting = repo.deleteRef('refs/heads/main', {
      beforeRefWrite: () => repo.updateRef('refs/heads/main', ahead),
    });
    await expect(deleting).rejects.toEqual(new RefRaceError('refs/heads/main', base, ahead));
  });
});

describe('the repository lock', () => {
  it('serialises concurrent commits on one branch so none is lost', async () => {
    const commits = await Promise.all(
      Array.from({ length: 8 }, (_, i) => commitOn(repo, 'main', { [`f${i}`]: `${i}` }, 10 + i)),
    );
    const history = await repo.listCommitShas({ head: 'refs/heads/main', base });
    expect(new Set(history)).toEqual(new Set(commits));
    const tip = await repo.resolveRef('refs/heads/main');
    expect((await repo.readTree(tip!)).map((e) => e.path)).toEqual(
      expect.arrayContaining(['f0', 'f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7']),
    );
  });

  it('lets a caller make read-check-write atomic and still use the locking methods inside', async () => {
    const result = await repo.withLock(async () => {
      const tip = await repo.resolveRef('refs/heads/main');
      await repo.updateRef('refs/heads/main', ahead, { expectedOld: tip! });
      return repo.resolveRef('refs/heads/main');
    });
    expect(result).toBe(ahead);
  });
});
