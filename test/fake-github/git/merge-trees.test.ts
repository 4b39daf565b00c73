import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { GitRepo } from './git-repo.js';
import { alice, commitOn, createTestHost, createWidgets, minute } from './test-host.js';
import type { TestHost } from './test-host.js';

let t: TestHost;
let repo: GitRepo;
let base: string;
beforeEach(async () => {
  t = await createTestHost();
  repo = await createWidgets(t.host);
  base = await commitOn(repo, 'main', { 'shared.txt': 'one\ntwo\nthree\n', 'doomed.txt': 'd\n' });
});
afterEach(() => t.cleanup());

/** A commit on top of `parent` that touches no branch. */
async function change(parent: string, files: Record<string, string | null>, at = 1) {
  const result = await repo.commitFiles({
    parent,
    files,
    message: 'change',
    author: alice,
    date: minute(at),
  });
  return result.sha;
}

describe('mergeTrees', () => {
  it('gives the merged tree of changes that do not overlap', async () => {
    const ours = await change(base, { 'ours.txt': 'o' });
    const theirs = await change(base, { 'shared.txt': 'one\n2\nthree\n' });
    const result = await repo.mergeTrees(ours, theirs);
    if (result.kind !== 'clean') throw new Error(`expected a clean merge, got ${result.kind}`);
    const tree = await repo.readTree(result.tree);
    expect(tree.map((e) => e.path)).toEqual(['doomed.txt', 'ours.txt', 'shared.txt']);
    const shared = await repo.readFile(result.tree, 'shared.txt');
    expect(shared?.content.toString()).toBe('one\n2\nthree\n');
  });

  it('lists every conflicted path once', async () => {
    const ours = await change(base, {
      'shared.txt': 'one\nOURS\nthree\n',
      'doomed.txt': 'edited\n',
    });
    const theirs = await change(base, { 'shared.txt': 'one\nTHEIRS\nthree\n', 'doomed.txt': null });
    const result = await repo.mergeTrees(ours, theirs);
    expect(result).toEqual({
      kind: 'conflict',
      tree: expect.stringMatching(/^[0-9a-f]{40}$/),
      paths: ['doomed.txt', 'shared.txt'],
      messages: [],
    });
  });

  it('explains conflicts with git messages when asked', async () => {
    const ours = await change(base, {
      'shared.txt': 'one\nOURS\nthree\n',
      'doomed.txt': 'edited\n',
    });
    const theirs = await change(base, { 'shared.txt': 'one\nTHEIRS\nthree\n', 'doomed.txt': null });
    const result = await repo.mergeTrees(ours, theirs, { messages: true });
    if (result.kind !== 'conflict') throw new Error(`expected a conflict, got ${result.kind}`);
    const byType = result.messages.map((m) => `${m.type} ${m.paths.join(',')}`);
    expect(byType).toEqual(
      expect.arrayContaining([
        'CONFLICT (contents) shared.txt',
        'CONFLICT (modify/delete) doomed.txt',
      ]),
    );
    expect(result.messages.map((m) => m.message)).toContain(
      'CONFLICT (content): Merge conflict in shared.txt',
    );
  });

  it('reports unrelated histories as a result, not a crash', async () => {
    const stranger = await change(base, {});
    const orphan = (
      await repo.commitFiles({
        parent: null,
        files: { x: 'x' },
        message: 'o',
        author: alice,
        date: minute(3),
      })
    ).sha;
    expect(await repo.mergeTrees(stranger, orphan)).toEqual({ kind: 'unrelated' });
  });
});

describe('ancestry', () => {
  it('answers is-ancestor and merge-base', async () => {
    const left = await change(base, { l: 'l' });
    const right = await change(base, { r: 'r' });
    expect(await repo.isAncestor(base, left)).toBe(true);
    expect(await repo.isAncestor(left, base)).toBe(false);
    expect(await repo.isAncestor(left, right)).toBe(false);
    expect(await repo.mergeBase(left, right)).toBe(base);
    const orphan = (
      await repo.commitFiles({
        parent: null,
        files: { x: 'x' },
        message: 'o',
        author: alice,
        date: minute(3),
      })
    ).sha;
    expect(await repo.mergeBase(left, orphan)).toBeUndefined();
  });
});
