import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { GitRepo } from './git-repo.js';
import { alice, commitOn, createTestHost, createWidgets, minute, signed } from './test-host.js';
import type { TestHost } from './test-host.js';

let t: TestHost;
let repo: GitRepo;
let base: string;
beforeEach(async () => {
  t = await createTestHost();
  repo = await createWidgets(t.host);
  base = await commitOn(repo, 'main', {
    'keep.txt': 'k\n',
    'edit.txt': 'one\ntwo\nthree\n',
    'remove.txt': 'bye\n',
    'move.txt': 'line 1\nline 2\nline 3\nline 4\nline 5\n',
  });
});
afterEach(() => t.cleanup());

async function change(parent: string, files: Record<string, string | null>, at = 1) {
  const result = await repo.commitFiles({
    parent,
    files,
    message: `at ${at}`,
    author: alice,
    date: minute(at),
  });
  return result.sha;
}

describe('the files of a comparison', () => {
  it('lists commits oldest first and files from the merge base, with GitHub-shaped patches', async () => {
    const first = await change(
      base,
      { 'edit.txt': 'one\n2\nthree\nfour\n', 'remove.txt': null },
      1,
    );
    const head = await change(
      first,
      {
        'added.txt': 'new\n',
        'move.txt': null,
        'moved.txt': 'line 1\nline 2\nline 3\nline 4\nline 5\nline 6\n',
      },
      2,
    );
    const baseMoved = await change(base, { 'keep.txt': 'changed on base\n' }, 3);
    const comparison = await repo.compare(baseMoved, head);
    expect(comparison.commits.map((c) => c.sha)).toEqual([first, head]);
    expect(comparison.commits[0]!.author).toEqual(signed(alice, 1));
    const added = (await repo.readFile(head, 'added.txt'))!.sha;
    const removed = (await repo.readFile(base, 'remove.txt'))!.sha;
    expect(comparison.files).toEqual([
      {
        filename: 'added.txt',
        status: 'added',
        sha: added,
        additions: 1,
        deletions: 0,
        changes: 1,
        patch: '@@ -0,0 +1 @@\n+new',
      },
      {
        filename: 'edit.txt',
        status: 'modified',
        sha: expect.any(String),
        additions: 2,
        deletions: 1,
        changes: 3,
        patch: '@@ -1,3 +1,4 @@\n one\n-two\n+2\n three\n+four',
      },
      {
        filename: 'moved.txt',
        previousFilename: 'move.txt',
        status: 'renamed',
        sha: expect.any(String),
        additions: 1,
        deletions: 0,
        changes: 1,
        patch: '@@ -3,3 +3,4 @@ line 2\n line 3\n line 4\n line 5\n+line 6',
      },
      {
        filename: 'remove.txt',
        status: 'removed',
        sha: removed,
        additions: 0,
        deletions: 1,
        changes: 1,
        patch: '@@ -1 +0,0 @@\n-bye',
      },
    ]);
  });

  it('omits the patch of a pure rename and of a binary file', async () => {
    const head = await change(base, { 'keep.txt': null, 'kept.txt': 'k\n' });
    const binary = await repo.writeBlob(Buffer.from([0, 1, 2, 0]));
    const tree = await repo.createTree({
      baseTree: (await repo.treeOf(head))!,
      entries: [{ path: 'bin.dat', mode: '100644', sha: binary }],
    });
    const withBinary = await repo.createCommit({
      tree,
      parents: [head],
      message: 'bin',
      author: signed(alice, 2),
    });
    const files = (await repo.compare(base, withBinary)).files;
    expect(files).toEqual([
      { filename: 'bin.dat', status: 'added', sha: binary, additions: 0, deletions: 0, changes: 0 },
      {
        filename: 'kept.txt',
        previousFilename: 'keep.txt',
        status: 'renamed',
        sha: expect.any(String),
        additions: 0,
        deletions: 0,
        changes: 0,
      },
    ]);
  });

  it('reports a file that became a symlink as changed, in one entry', async () => {
    const link = await repo.writeBlob('edit.txt');
    const tree = await repo.createTree({
      baseTree: (await repo.treeOf(base))!,
      entries: [{ path: 'keep.txt', mode: '120000', sha: link }],
    });
    const head = await repo.createCommit({
      tree,
      parents: [base],
      message: 'link',
      author: signed(alice, 1),
    });
    const files = (await repo.compare(base, head)).files;
    expect(files).toMatchObject([
      { filename: 'keep.txt', status: 'changed', additions: 1, deletions: 1 },
    ]);
  });
});
