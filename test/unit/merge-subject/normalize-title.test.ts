import { describe, expect, it } from '@jest/globals';
import { MAX_TITLE_LENGTH, normalizeTitle } from '../../../src/merge-subject/index.js';

describe('normalizeTitle', () => {
  it.each([
    ['joins a title spread over lines', 'fix: crash\non start\r\nnow', 'fix: crash on start now'],
    ['drops control characters', 'fix: a\u0000b\u0007c\u001b[31m', 'fix: abc[31m'],
    ['drops bidi overrides that make a title read differently', 'fix: \u202Eevil', 'fix: evil'],
    ['drops zero-width characters', 'fix:\u200B do it', 'fix: do it'],
    ['drops the (#N) GitHub or the author already added', 'Add X (#12)', 'Add X'],
    ['drops several (#N) suffixes', 'Add X (#12) (#13)', 'Add X'],
    ['keeps a (#N) in the middle', 'Port (#12) to ESM', 'Port (#12) to ESM'],
    ['removes HTML comments left by templates', 'fix: x <!-- type here -->', 'fix: x'],
    ['removes an unclosed HTML comment', 'fix: x <!-- oops', 'fix: x'],
    [
      'keeps markdown and HTML as text',
      'feat: support <b>bold</b> and [links](x)',
      'feat: support <b>bold</b> and [links](x)',
    ],
    ['writes the conventional header canonically', 'Feat!(API, cli):   add', 'feat(API,cli)!: add'],
    ['moves the bang after the scope', 'Feat!(api): add', 'feat(api)!: add'],
    ['turns an empty title into a placeholder', ' \u200B (#3) ', 'Untitled pull request'],
    ['replaces a lone surrogate', 'fix: \uD800 x', 'fix: \uFFFD x'],
  ])('%s', (_name, title, expected) => {
    expect(normalizeTitle(title)).toBe(expected);
  });

  it('cuts a very long title at a word and marks the cut', () => {
    const title = `feat: ${'word '.repeat(100)}`;
    const normalized = normalizeTitle(title);
    expect(Array.from(normalized).length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(normalized).toMatch(/^feat: (word )+word…$/);
  });

  it('cuts a very long word mid-word', () => {
    const normalized = normalizeTitle('x'.repeat(500));
    expect(normalized).toBe(`${'x'.repeat(MAX_TITLE_LENGTH - 1)}…`);
  });
});
