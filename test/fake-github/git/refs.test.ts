import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  InvalidRefNameError,
  NotFastForwardError,
  ObjectNotFoundError,
  RefExistsError,
  RefNotFoundError,
  RefRaceError,
} from './errors.js';
import type { GitRepo } from './git-repo.js';
import { alice, commitOn, createTestHost, createWidgets, minute } from './test-host.js';
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
  sideways = (
    await repo.commitFiles({
      parent: base,
      files: { 'c.txt': 'c' },
      message: 'side',
      author: alice,
      date: minute(2),
    })
  ).sha;
});
afterEach(() => t.cleanup());

describe('creating refs', () => {
  it('creates a ref that does not exist', async () => {
    await repo.createRef('refs/heads/feature', ahead);
    expect(await repo.resolveRef('refs/heads/feature')).toBe(ahead);
  });

  it('refuses to create a ref twice', async () => {
    await repo.createRef('refs/heads/feature', ahead);
    await expect(repo.createRef('refs/heads/feature', base)).rejects.toEqual(
      new RefExistsError('refs/heads/feature'),
    );
    expect(await repo.resolveRef('refs/heads/feature')).toBe(ahead);
  });

  it('refuses names outside refs/ and names git considers invalid', async () => {
    await expect(repo.createRef('main', base)).rejects.toBeInstanceOf(InvalidRefNameError);
    await expect(repo.createRef('refs/heads/a..b', base)).rejects.toBeInstanceOf(
      InvalidRefNameError,
    );
  });

  it('refuses a sha that names no object', async () => {
    const missing = '3333333333333333333333333333333333333333';
    await expect(repo.createRef('refs/heads/x', missing)).rejects.toEqual(
      new ObjectNotFoundError(missing),
    );
  });
});

describe('updating refs', () => {
  it('fast-forwards', async () => {
    await repo.updateRef('refs/heads/main', ahead);
    expect(await repo.resolveRef('refs/heads/main')).toBe(ahead);
  });

  it('refuses an update that is not a fast forward, unless forced', async () => {
    await repo.updateRef('refs/heads/main', ahead);
    await expect(repo.updateRef('refs/heads/main', sideways)).rejects.toEqual(
      new NotFastForwardError('refs/heads/main', ahead, sideways),
    );
    expect(await repo.resolveRef('refs/heads/main')).toBe(ahead);
    await repo.updateRef('refs/heads/main', sideways, { force: true });
    expect(await repo.resolveRef('refs/heads/main')).toBe(sideways);
  });

  it('reports a lost race when the expected old value is stale', async () => {
    const updating = repo.updateRef('refs/heads/main', ahead, { expectedOld: sideways });
    await expect(updating).rejects.toEqual(new RefRaceError('refs/heads/main', sideways, base));
    expect(await repo.resolveRef('refs/heads/main')).toBe(base);
  });

  it('refuses to move a ref to a commit that does not exist', async () => {
    const missing = '4444444444444444444444444444444444444444';
    await expect(repo.updateRef('refs/heads/main', missing)).rejects.toEqual(
      new ObjectNotFoundError(missing),
    );
    const forcing = repo.updateRef('refs/heads/main', missing, { force: true });
    await expect(forcing).rejects.toEqual(new ObjectNotFoundError(missing));
  });

  it('refuses to update a ref that does not exist', async () => {
    await expect(repo.updateRef('refs/heads/nope', ahead)).rejects.toEqual(
      new RefNotFoundError('refs/heads/nope'),
    );
  });
});

describe('deleting refs', () => {
  it('deletes an existing ref', async () => {
    await repo.deleteRef('refs/heads/main');
    expect(await repo.resolveRef('refs/heads/main')).toBeUndefined();
  });

  it('refuses to delete a ref that does not exist', async () => {
    await expect(repo.deleteRef('refs/heads/nope')).rejects.toEqual(
      new RefNotFoundError('refs/heads/nope'),
    );
  });

  it('refuses to delete when the expected old value is stale', async () => {
    await expect(repo.deleteRef('refs/heads/main', { expectedOld: ahead })).rejects.toBeInstanceOf(
      RefRaceError,
    );
    expect(await repo.resolveRef('refs/heads/main')).toBe(base);
  });
});

describe('listing refs', () => {
  it('matches by plain string prefix, like matching-refs', async () => {
    await repo.createRef('refs/heads/feat', ahead);
    await repo.createRef('refs/heads/feature-1', ahead);
    await repo.createRef('refs/heads/fix', ahead);
    await repo.createRef('refs/pull/1/head', ahead);
    const refs = await repo.listRefs('refs/heads/feat');
    expect(refs).toEqual([
      { ref: 'refs/heads/feat', sha: ahead, type: 'commit' },
      { ref: 'refs/heads/feature-1', sha: ahead, type: 'commit' },
    ]);
    expect((await repo.listRefs()).map((r) => r.ref)).toContain('refs/pull/1/head');
  });
});
