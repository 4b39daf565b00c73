import { describe, expect, it } from '@jest/globals';
import { cancelReverts } from '../../../src/changelog/cancel-reverts.js';
import { parseCommitMessage } from '../../../src/merge-subject/index.js';

function history(...messages: string[]) {
  return messages.map((message, index) => ({
    sha: `${index}abc`,
    parsed: parseCommitMessage(message),
  }));
}

describe('cancelReverts', () => {
  it('cancels a revert with the change it names, by hash, PR or subject', () => {
    const pairs = cancelReverts(
      history(
        'feat: a (#1)',
        'feat: b (#2)',
        'feat: c',
        'Revert "feat: a (#1)"\n\nThis reverts commit 0abc.',
        'Revert "b" (#5)\n\nReverts o/r#2',
        'Revert "feat: c"',
      ),
    );
    expect(Object.fromEntries(pairs)).toEqual({
      '0abc': '3abc',
      '3abc': '0abc',
      '1abc': '4abc',
      '4abc': '1abc',
      '2abc': '5abc',
      '5abc': '2abc',
    });
  });

  it('brings a change back when its revert is reverted', () => {
    const commits = history(
      'feat: a (#1)',
      'Revert "feat: a (#1)" (#2)',
      'Revert "Revert "feat: a (#1)" (#2)" (#3)',
    );
    expect([...cancelReverts(commits).keys()].sort()).toEqual(['1abc', '2abc']);
  });

  it('leaves a revert of something outside the range alone', () => {
    expect(cancelReverts(history('Revert "feat: old (#1)" (#9)')).size).toBe(0);
  });

  it('never matches a revert to a later commit', () => {
    expect(cancelReverts(history('Revert "feat: a"', 'feat: a')).size).toBe(0);
  });
});
