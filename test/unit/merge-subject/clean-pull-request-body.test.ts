import { describe, expect, it } from '@jest/globals';
import { cleanPullRequestBody } from '../../../src/merge-subject/index.js';

const template = [
  'Speeds up landing.\r',
  '<!-- Describe your change. -->',
  '',
  '',
  '',
  'Closes #3   ',
  '<!-- sluice:cut -->',
  '## Checklist',
  '- [x] tests',
].join('\n');

describe('cleanPullRequestBody', () => {
  it('keeps what the author wrote above the cut marker, without template comments', () => {
    expect(cleanPullRequestBody(template)).toBe('Speeds up landing.\n\nCloses #3');
  });

  it('recognises the cut marker however it is spaced or cased', () => {
    expect(cleanPullRequestBody('keep\n  <!--  SLUICE: cut -->\ndrop')).toBe('keep');
  });

  it("honours the repository's own cut marker", () => {
    const body = 'keep\n---8<---\ndrop';
    expect(cleanPullRequestBody(body, { cutMarkers: ['---8<---'] })).toBe('keep');
  });

  it('keeps HTML comments when the config says so', () => {
    const body = 'a <!-- b --> c';
    expect(cleanPullRequestBody(body, { stripHtmlComments: false })).toBe('a <!-- b --> c');
  });

  it('treats a missing body as empty', () => {
    expect(cleanPullRequestBody(null)).toBe('');
  });
});
