import { describe, expect, it } from '@jest/globals';
import { mergeReleaseNotes } from '../../../src/changelog/index.js';

const block = (notes: string) =>
  `<!-- sluice:release-notes:start -->\n${notes}\n<!-- sluice:release-notes:end -->`;

describe('mergeReleaseNotes', () => {
  it('fills an empty release body', () => {
    expect(mergeReleaseNotes('', '### Fixes\n\n- A (#1)\n')).toBe(block('### Fixes\n\n- A (#1)'));
  });

  it("keeps a maintainer's text and puts the notes after it", () => {
    expect(mergeReleaseNotes('Thanks everyone!\n', 'notes')).toBe(
      `Thanks everyone!\n\n${block('notes')}`,
    );
  });

  it('replaces only its own block on later runs', () => {
    const body = `Intro\n\n${block('old')}\n\nOutro`;
    expect(mergeReleaseNotes(body, 'new')).toBe(`Intro\n\n${block('new')}\n\nOutro`);
    expect(mergeReleaseNotes(mergeReleaseNotes(body, 'new'), 'new')).toBe(
      mergeReleaseNotes(body, 'new'),
    );
  });
});
