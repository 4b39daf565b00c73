import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { InvalidPathError, ObjectNotFoundError } from './errors.js';
import type { GitRepo } from './git-repo.js';
import { createTestHost, createWidgets } from './test-host.js';
import type { TestHost } from './test-host.js';

let t: TestHost;
let repo: GitRepo;
beforeEach(async () => {
  t = await createTestHost();
  repo = await createWidgets(t.host);
});
afterEach(() => t.cleanup());

const paths = async (tree: string) =>
  (await repo.readTree(tree, { recursive: true })).map((e) => `${e.type} ${e.path}`);

describe('blobs', () => {
  it('stores bytes under the same sha git itself computes', async () => {
    expect(await repo.writeBlob('hi\n')).toBe('45b983be36b73c0788dc9cbcb76cbb80fc7bb057');
    const binary = await repo.writeBlob(Buffer.from([0, 255, 10]));
    const tree = await repo.createTree({ entries: [{ path: 'b', mode: '100644', sha: binary }] });
    expect((await repo.readFile(tree, 'b'))?.content).toEqual(Buffer.from([0, 255, 10]));
  });
});

describe('trees', () => {
  it('builds nested paths and lists them recursively with their subtrees', async () => {
    const tree = await repo.createTree({
      entries: [
        { path: 'src/lib/a.ts', mode: '100644', content: 'a' },
        { path: 'README.md', mode: '100644', content: 'readme' },
        { path: 'bin/run', mode: '100755', content: '#!/bin/sh\n' },
      ],
    });
    expect(await paths(tree)).toEqual([
      'blob README.md',
      'tree bin',
      'blob bin/run',
      'tree src',
      'tree src/lib',
      'blob src/lib/a.ts',
    ]);
    const top = await repo.readTree(tree);
    expect(top.map((e) => [e.mode, e.path, e.size])).toEqual([
      ['100644', 'README.md', 6],
      ['040000', 'bin', undefined],
      ['040000', 'src', undefined],
    ]);
  });

  it('applies entries on top of a base tree, deleting with a null sha', async () => {
    const base = await repo.createTree({
      entries: [
        { path: 'keep.txt', mode: '100644', content: 'k' },
        { path: 'gone.txt', mode: '100644', content: 'g' },
      ],
    });
    const tree = await repo.createTree({
      baseTree: base,
      entries: [
        { path: 'gone.txt', mode: '100644', sha: null },
        { path: 'new/file.txt', mode: '100644', content: 'n' },
      ],
    });
    expect(await paths(tree)).toEqual(['blob keep.txt', 'tree new', 'blob new/file.txt']);
  });

  it('deletes a whole directory when the null sha names a directory', async () => {
    const base = await repo.createTree({
      entries: [
        { path: 'docs/a.md', mode: '100644', content: 'a' },
        { path: 'docs/deep/b.md', mode: '100644', content: 'b' },
        { path: 'docs.txt', mode: '100644', content: 'not below docs/' },
      ],
    });
    const tree = await repo.createTree({
      baseTree: base,
      entries: [{ path: 'docs', mode: '040000', sha: null }],
    });
    expect(await paths(tree)).toEqual(['blob docs.txt']);
  });

  it('grafts an existing tree at a path, replacing what was there', async () => {
    const sub = await repo.createTree({
      entries: [{ path: 'x.txt', mode: '100644', content: 'x' }],
    });
    const base = await repo.createTree({
      entries: [{ path: 'vendor/old.txt', mode: '100644', content: 'o' }],
    });
    const tree = await repo.createTree({
      baseTree: base,
      entries: [{ path: 'vendor', mode: '040000', sha: sub }],
    });
    expect(await paths(tree)).toEqual(['tree vendor', 'blob vendor/x.txt']);
  });

  it.each(['../escape', '/abs', 'a//b', '.git/config', 'a/./b', 'x/.GIT'])(
    'rejects the malformed path %j that git would silently drop',
    async (path) => {
      const creating = repo.createTree({ entries: [{ path, mode: '100644', content: 'x' }] });
      await expect(creating).rejects.toBeInstanceOf(InvalidPathError);
    },
  );

  it('rejects an entry whose blob does not exist', async () => {
    const missing = '1111111111111111111111111111111111111111';
    const creating = repo.createTree({ entries: [{ path: 'a', mode: '100644', sha: missing }] });
    await expect(creating).rejects.toEqual(new ObjectNotFoundError(missing));
  });

  it('rejects a base tree that does not exist', async () => {
    const creating = repo.createTree({ baseTree: 'deadbeef'.repeat(5), entries: [] });
    await expect(creating).rejects.toBeInstanceOf(ObjectNotFoundError);
  });
});
