import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ObjectNotFoundError } from './errors.js';
import type { GitRepo } from './git-repo.js';
import { alice, createTestHost, createWidgets, minute, signed } from './test-host.js';
import type { TestHost } from './test-host.js';

let t: TestHost;
let repo: GitRepo;
beforeEach(async () => {
  t = await createTestHost();
  repo = await createWidgets(t.host);
});
afterEach(() => t.cleanup());

describe('commits', () => {
  it('reads back tree, parents, author, committer and the exact message', async () => {
    const tree = await repo.createTree({ entries: [{ path: 'a', mode: '100644', content: 'a' }] });
    const root = await repo.createCommit({
      tree,
      parents: [],
      message: 'root',
      author: signed(alice, 0),
    });
    const bob = { name: 'Bob', email: 'bob@example.com' };
    const child = await repo.createCommit({
      tree,
      parents: [root],
      message: 'Subject\n\nBody without a final newline',
      author: signed(alice, 1),
      committer: signed(bob, 2),
    });
    expect(await repo.readCommit(child)).toEqual({
      sha: child,
      tree,
      parents: [root],
      author: { ...alice, date: minute(1) },
      committer: { ...bob, date: minute(2) },
      message: 'Subject\n\nBody without a final newline',
    });
    expect(await repo.treeOf(child)).toBe(tree);
  });

  it('gives the same sha for the same inputs on two fresh repositories', async () => {
    const other = await t.host.createRepo({ owner: 'other', name: 'copy' });
    const build = async (r: GitRepo, at: number) => {
      const tree = await r.createTree({
        entries: [{ path: 'f', mode: '100644', content: 'same' }],
      });
      return r.createCommit({ tree, parents: [], message: 'm', author: signed(alice, at) });
    };
    const first = await build(repo, 5);
    expect(await build(other, 5)).toBe(first);
    expect(await build(other, 6)).not.toBe(first);
  });

  it('rejects a parent that does not exist', async () => {
    const tree = await repo.createTree({ entries: [] });
    const missing = '2222222222222222222222222222222222222222';
    const creating = repo.createCommit({
      tree,
      parents: [missing],
      message: 'm',
      author: signed(alice, 0),
    });
    await expect(creating).rejects.toEqual(new ObjectNotFoundError(missing));
  });

  it('answers undefined for a revision that names no commit', async () => {
    expect(await repo.readCommit('refs/heads/nope')).toBeUndefined();
    expect(await repo.treeOf('--help')).toBeUndefined();
  });
});

describe('commitFiles and readFile', () => {
  it('commits on top of a branch, creating it first, and reads files at any revision', async () => {
    const first = await repo.commitFiles({
      branch: 'main',
      files: { 'a.txt': 'one', 'dir/b.txt': 'two' },
      message: 'first',
      author: alice,
      date: minute(0),
    });
    const second = await repo.commitFiles({
      branch: 'main',
      files: { 'a.txt': null, 'dir/b.txt': 'changed' },
      message: 'second',
      author: alice,
      date: minute(1),
    });
    expect(second.parent).toBe(first.sha);
    expect(await repo.resolveRef('refs/heads/main')).toBe(second.sha);
    expect((await repo.readFile('main', 'dir/b.txt'))?.content.toString()).toBe('changed');
    expect((await repo.readFile(first.sha, 'a.txt'))?.content.toString()).toBe('one');
    expect(await repo.readFile('main', 'a.txt')).toBeUndefined();
    expect(await repo.readFile('main', 'dir')).toBeUndefined();
    expect(await repo.readFile('no-such-branch', 'dir/b.txt')).toBeUndefined();
  });

  it('commits on an explicit parent without moving any ref', async () => {
    const { sha: parent } = await repo.commitFiles({
      parent: null,
      files: { a: '1' },
      message: 'p',
      author: alice,
      date: minute(0),
    });
    const { sha } = await repo.commitFiles({
      parent,
      files: { b: '2' },
      message: 'c',
      author: alice,
      date: minute(1),
    });
    expect((await repo.readCommit(sha))?.parents).toEqual([parent]);
    expect(await repo.listRefs()).toEqual([]);
  });
});
