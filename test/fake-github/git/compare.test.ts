import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { COMPARE_COMMIT_LIMIT, COMPARE_FILE_LIMIT } from './compare-commits.js';
import { NoCommonAncestorError } from './errors.js';
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

describe('compare', () => {
  it('is identical for the same commit', async () => {
    const comparison = await repo.compare(base, 'main');
    expect(comparison).toMatchObject({
      status: 'identical',
      aheadBy: 0,
      behindBy: 0,
      commits: [],
      files: [],
    });
  });

  it('is ahead, behind or diverged, counting commits each way', async () => {
    const one = await change(base, { a: 'a' }, 1);
    const two = await change(one, { b: 'b' }, 2);
    const other = await change(base, { c: 'c' }, 3);
    expect(await repo.compare(base, two)).toMatchObject({
      status: 'ahead',
      aheadBy: 2,
      behindBy: 0,
      totalCommits: 2,
    });
    expect(await repo.compare(two, base)).toMatchObject({
      status: 'behind',
      aheadBy: 0,
      behindBy: 2,
    });
    expect(await repo.compare(other, two)).toMatchObject({
      status: 'diverged',
      aheadBy: 2,
      behindBy: 1,
      mergeBase: base,
    });
  });

  it('caps commits at 250 (oldest kept) and files at 300, as GitHub does', async () => {
    // One shared blob keeps this to one hash-object instead of 305.
    const blob = await repo.writeBlob('same\n');
    const entries = Array.from({ length: COMPARE_FILE_LIMIT + 5 }, (_, i) => ({
      path: `f/${String(i).padStart(3, '0')}`,
      mode: '100644' as const,
      sha: blob,
    }));
    const wide = await repo.createTree({ baseTree: (await repo.treeOf(base))!, entries });
    let tip = await repo.createCommit({
      tree: wide,
      parents: [base],
      message: 'wide',
      author: signed(alice, 1),
    });
    const first = tip;
    for (let i = 0; i < COMPARE_COMMIT_LIMIT + 4; i += 1) {
      tip = await repo.createCommit({
        tree: wide,
        parents: [tip],
        message: `empty ${i}`,
        author: signed(alice, 2 + i),
      });
    }
    const comparison = await repo.compare(base, tip);
    expect(comparison.aheadBy).toBe(COMPARE_COMMIT_LIMIT + 5);
    expect(comparison.totalCommits).toBe(COMPARE_COMMIT_LIMIT + 5);
    expect(comparison.commits).toHaveLength(COMPARE_COMMIT_LIMIT);
    expect(comparison.commits[0]!.sha).toBe(first);
    expect(comparison.files).toHaveLength(COMPARE_FILE_LIMIT);
  });

  it('fails when base and head share no history', async () => {
    const orphan = (
      await repo.commitFiles({
        parent: null,
        files: { x: 'x' },
        message: 'o',
        author: alice,
        date: minute(3),
      })
    ).sha;
    await expect(repo.compare(base, orphan)).rejects.toEqual(
      new NoCommonAncestorError(base, orphan),
    );
  });
});

describe('listCommits', () => {
  it('walks history newest first by default, oldest first on request, within a range and a cap', async () => {
    const one = await change(base, { a: 'a' }, 1);
    const two = await change(one, { b: 'b' }, 2);
    expect(await repo.listCommitShas({ head: two })).toEqual([two, one, base]);
    expect(await repo.listCommitShas({ head: two, base, order: 'oldest-first' })).toEqual([
      one,
      two,
    ]);
    expect(await repo.listCommitShas({ head: two, max: 1 })).toEqual([two]);
    const commits = await repo.listCommits({ head: two, base: one });
    expect(commits).toEqual([
      {
        sha: two,
        tree: (await repo.treeOf(two))!,
        parents: [one],
        author: signed(alice, 2),
        committer: signed(alice, 2),
        message: 'at 2',
      },
    ]);
  });
});
