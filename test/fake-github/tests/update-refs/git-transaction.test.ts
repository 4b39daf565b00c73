import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ObjectNotFoundError, RefExistsError, RefRaceError } from '../../git/errors.js';
import type { GitRepo } from '../../git/git-repo.js';
import { commitOn, createTestHost, createWidgets, type TestHost } from '../../git/test-host.js';

let t: TestHost;
let repo: GitRepo;
let base: string;
let next: string;
beforeEach(async () => {
  t = await createTestHost();
  repo = await createWidgets(t.host);
  base = await commitOn(repo, 'main', { 'a.txt': 'a' }, 0);
  await repo.createRef('refs/heads/topic', base);
  next = await commitOn(repo, 'topic', { 'b.txt': 'b' }, 1);
});
afterEach(() => t.cleanup());

const heads = (...names: string[]) =>
  Promise.all(names.map((name) => repo.resolveRef(`refs/heads/${name}`)));

describe('one git transaction for several refs', () => {
  it('writes every ref when every old value holds', async () => {
    await repo.updateRefs([
      { ref: 'refs/heads/main', old: base, next },
      { ref: 'refs/heads/topic', old: next, next: undefined },
      { ref: 'refs/heads/new', old: undefined, next: base },
    ]);
    expect(await heads('main', 'topic', 'new')).toEqual([next, undefined, base]);
  });

  it('writes none when the last one fails its check, naming that ref', async () => {
    const writing = repo.updateRefs([
      { ref: 'refs/heads/new', old: undefined, next },
      { ref: 'refs/heads/main', old: base, next },
      { ref: 'refs/heads/topic', old: base, next },
    ]);
    await expect(writing).rejects.toEqual(new RefRaceError('refs/heads/topic', base, next));
    expect(await heads('new', 'main', 'topic')).toEqual([undefined, base, next]);
  });

  it('refuses to create a ref that exists and to point one at a missing object', async () => {
    await expect(
      repo.updateRefs([{ ref: 'refs/heads/main', old: undefined, next }]),
    ).rejects.toBeInstanceOf(RefExistsError);
    const missing = '1'.repeat(40);
    await expect(
      repo.updateRefs([{ ref: 'refs/heads/main', old: base, next: missing }]),
    ).rejects.toEqual(new ObjectNotFoundError(missing));
    expect(await heads('main')).toEqual([base]);
  });
});
