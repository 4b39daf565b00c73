import { describe, expect, it } from '@jest/globals';
import {
  escapeMarkdown,
  fencedBlock,
  inlineCode,
  mention,
  neutraliseMentions,
} from '../../../src/messages/index.js';
import { codeLinkTo, linkTo } from '../../../src/messages/markdown.js';
import { readable } from './builders.js';

describe('escaping outside text for GitHub markdown', () => {
  it('keeps markdown, HTML and line breaks in a title literal', () => {
    expect(escapeMarkdown('feat: *bold* [x](y) <b>&amp; | ~~s~~ _i_\n# heading')).toBe(
      'feat: \\*bold\\* \\[x\\](y) \\<b\\>\\&amp; \\| \\~\\~s\\~\\~ \\_i\\_ # heading',
    );
  });

  it('keeps text that starts a line from opening a heading or a list', () => {
    expect(['# x', '- x', '+ x', '1. x', '2) x'].map((t) => escapeMarkdown(t))).toEqual([
      '\\# x',
      '\\- x',
      '\\+ x',
      '1\\. x',
      '2\\) x',
    ]);
  });

  it('stops mentions without changing what a reader sees', () => {
    expect(readable(neutraliseMentions('@alice, @org/team and a@b.c'))).toBe(
      '@{zwsp}alice, @{zwsp}org/team and a@{zwsp}b.c',
    );
  });

  it('makes inline code that survives backticks and stays on one line', () => {
    expect(inlineCode('a `b`\nc')).toBe('``a `b` c``');
  });

  it('clips long text with an ellipsis', () => {
    expect(escapeMarkdown('x'.repeat(300), 10)).toBe('xxxxxxxxx…');
  });

  it('fences with more backticks than any run inside', () => {
    expect(fencedBlock(['a ``` b', 'c'])).toBe('````text\na ``` b\nc\n````');
  });

  it('drops control characters from fenced lines but keeps tabs', () => {
    expect(fencedBlock(['a\u0007b\tc\u001b[31m'])).toBe('```text\nab\tc[31m\n```');
  });
});

describe('people and links', () => {
  it('mentions a real login and a bot', () => {
    expect(mention('mallory')).toBe('@mallory');
    expect(mention('renovate[bot]')).toBe('@renovate[bot]');
  });

  it('does not mention text that is not a login', () => {
    expect(readable(mention('@everyone'))).toBe('@{zwsp}everyone');
    expect(mention('a--b')).toBe('a--b');
  });

  it('only links http(s) addresses', () => {
    expect(linkTo('log', 'javascript:alert(1)')).toBe('[log](#)');
    expect(codeLinkTo('abc', 'https://x.example/a b(c)')).toBe(
      '[`abc`](https://x.example/a%20b%28c%29)',
    );
  });
});
