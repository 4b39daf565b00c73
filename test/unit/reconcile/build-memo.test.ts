import { describe, expect, it } from '@jest/globals';
import { BuildMemo } from '../../../src/reconcile/build-memo.js';

const input = { tree: 't1', parent: 'p1', message: 'feat: one (#1)' };

describe('BuildMemo', () => {
  it('knows the tree of exactly the heads merged onto exactly that commit', () => {
    const memo = new BuildMemo();
    memo.rememberMergedTree('base', ['h1', 'h2'], 'tree12');
    expect(memo.mergedTree('base', ['h1', 'h2'])).toBe('tree12');
    expect(memo.mergedTree('base', ['h1'])).toBeUndefined();
    expect(memo.mergedTree('base', ['h2', 'h1'])).toBeUndefined();
    expect(memo.mergedTree('other', ['h1', 'h2'])).toBeUndefined();
  });

  it('reuses a commit only for the same tree, parent and message', () => {
    const memo = new BuildMemo();
    memo.rememberCommit(input, 'c1');
    expect(memo.commit(input, 'below')).toBe('c1');
    expect(memo.commit({ ...input, message: 'feat: one, retitled (#1)' }, 'below')).toBeUndefined();
    expect(memo.commit({ ...input, parent: 'p2' }, 'below')).toBeUndefined();
    expect(memo.commit({ ...input, tree: 't2' }, 'below')).toBeUndefined();
  });

  it('never offers a commit CI already ran on as a new tip, but does below one', () => {
    const memo = new BuildMemo();
    memo.rememberCommit(input, 'c1');
    expect(memo.commit(input, 'tip')).toBe('c1');
    memo.rememberTip('c1');
    expect(memo.commit(input, 'tip')).toBeUndefined();
    expect(memo.commit(input, 'below')).toBe('c1');
  });

  it('forgets the oldest entries beyond its limit', () => {
    const memo = new BuildMemo(2);
    memo.rememberMergedTree('b', ['1'], 'a');
    memo.rememberMergedTree('b', ['2'], 'b');
    memo.rememberMergedTree('b', ['3'], 'c');
    expect(memo.mergedTree('b', ['1'])).toBeUndefined();
    expect(memo.mergedTree('b', ['3'])).toBe('c');
  });
});
