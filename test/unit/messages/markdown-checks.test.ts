import { describe, expect, it } from '@jest/globals';
import { fencesBalanced, liveMentions } from './markdown-checks.js';

describe('the checks the property tests rely on', () => {
  it('notice a fence left open, and a longer fence closing a shorter one', () => {
    expect(fencesBalanced('a\n```text\nb')).toBe(false);
    expect(fencesBalanced('```text\nb\n`````')).toBe(true);
    expect(fencesBalanced('````text\n```\n````')).toBe(true);
    expect(fencesBalanced('~~~\n```\n~~~')).toBe(true);
  });

  it('notice a mention but not one broken by a zero-width space or inside a link address', () => {
    expect(liveMentions('cc @alice')).toEqual(['alice']);
    expect(liveMentions('cc @\u200balice and [log](https://x.example/@bob)')).toEqual([]);
  });
});
