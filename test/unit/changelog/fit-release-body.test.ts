import { describe, expect, it } from '@jest/globals';
import {
  fitReleaseBody,
  mergeReleaseNotes,
  RELEASE_BODY_LIMIT,
} from '../../../src/changelog/index.js';

/** Release notes with `count` entries, about 80 characters each, in two sections. */
function aLongRelease(count: number): string {
  const line = (i: number) =>
    `- Add the configurable widget option number ${i} to the settings page (#${i})`;
  const half = Math.floor(count / 2);
  const features = Array.from({ length: half }, (_, i) => line(i + 1));
  const fixes = Array.from({ length: count - half }, (_, i) => line(half + i + 1));
  return ['### Features', '', ...features, '', '### Fixes', '', ...fixes, ''].join('\n');
}

describe('fitReleaseBody', () => {
  it('keeps notes that fit as they are', () => {
    const notes = aLongRelease(10);
    expect(fitReleaseBody({ existing: 'Thanks!', notes })).toEqual({
      ok: true,
      body: mergeReleaseNotes('Thanks!', notes),
      kept: 10,
      omitted: 0,
    });
  });

  it("cuts after a whole entry to stay within GitHub's 125,000 characters, saying what is missing and where", () => {
    const notes = aLongRelease(3000);
    expect(notes.length).toBeGreaterThan(RELEASE_BODY_LIMIT);
    const fitted = fitReleaseBody({
      existing: 'Thanks to all contributors!',
      notes,
      changelogPath: 'CHANGELOG.md',
      compareUrl: 'https://github.com/acme/widgets/compare/v1.1.0...v1.2.0',
    });
    if (!fitted.ok) throw new Error('expected the notes to fit once cut');
    expect(fitted.body.length).toBeLessThanOrEqual(RELEASE_BODY_LIMIT);
    expect(fitted.body.length).toBeGreaterThan(RELEASE_BODY_LIMIT - 400);
    expect(fitted.kept + fitted.omitted).toBe(3000);
    expect(fitted.body).toMatch(
      /^Thanks to all contributors!\n\n<!-- sluice:release-notes:start -->\n### Features\n/,
    );
    expect(fitted.body).toMatch(
      new RegExp(
        `\\(#${fitted.kept}\\)\\n\\n_… and ${fitted.omitted.toLocaleString('en-US')} more entries not shown: GitHub limits a release to 125,000 characters\\. See \`CHANGELOG\\.md\` or \\[every change\\]\\(https://github\\.com/acme/widgets/compare/v1\\.1\\.0\\.\\.\\.v1\\.2\\.0\\)\\._\\n<!-- sluice:release-notes:end -->$`,
      ),
    );
  });

  it('never cuts the text a maintainer wrote, and says when that alone is too long', () => {
    const existing = 'x'.repeat(RELEASE_BODY_LIMIT);
    expect(fitReleaseBody({ existing, notes: aLongRelease(2) })).toEqual({
      ok: false,
      length: expect.any(Number),
    });
  });
});
