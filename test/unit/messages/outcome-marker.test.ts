import { describe, expect, it } from '@jest/globals';
import { outcomeMarker, withOutcomeMarker } from '../../../src/messages/index.js';

describe('the marker at the end of an outcome comment', () => {
  it('follows the comment text after a blank line, hidden in an HTML comment', () => {
    expect(withOutcomeMarker('Landed as `abc1234` on `main`.\n', 'entry:12:merged:3-comment'))
      .toMatchInlineSnapshot(`
     "Landed as \`abc1234\` on \`main\`.

     <!-- sluice:outcome entry:12:merged:3-comment -->
     "
    `);
  });

  it('cannot end its HTML comment early, whatever the key', () => {
    expect(outcomeMarker('a-->b--c')).toBe('<!-- sluice:outcome a-b-c -->');
  });

  it('is found in the comment it was added to, and only the same key finds it', () => {
    const body = withOutcomeMarker('Dequeued.', 'entry:3:dequeued:2-comment');
    expect(body.includes(outcomeMarker('entry:3:dequeued:2-comment'))).toBe(true);
    expect(body.includes(outcomeMarker('entry:3:dequeued:2-comment-x'))).toBe(false);
  });
});
