import { describe, expect, it } from '@jest/globals';
import type { ReleaseTarget } from '../../../src/changelog/index.js';
import { DEFAULT_CHANGELOG_CONFIG } from '../../../src/changelog/index.js';
import { upsertChangelog } from '../../../src/changelog/upsert-changelog.js';
import { anEntry } from './support/an-entry.js';

const config = DEFAULT_CHANGELOG_CONFIG;
const unreleased: ReleaseTarget = { kind: 'unreleased' };
const v110: ReleaseTarget = { kind: 'version', version: 'v1.1.0', date: '2024-05-01' };

function upsert(existing: string, target: ReleaseTarget = unreleased) {
  const entries = [anEntry(7, 'Add export'), anEntry(8, 'Fix crash', 'Fixes')];
  return upsertChangelog({ existing, entries, target, config }).text;
}

/** A preamble that shows the format in a fenced block, as many projects' changelogs do. */
const fencedPreamble = [
  '# Changelog',
  '',
  'Each release looks like this:',
  '',
  '```md',
  '## [1.0.0] - 2024-01-01',
  '',
  '### Features',
  '',
  '- Add a thing (#1) <!-- sluice:pr-7 -->',
  '```',
  '',
];

describe('CHANGELOG.md read as Markdown', () => {
  it('never takes a heading in a fenced block for a release, nor a comment there for an anchor', () => {
    const existing = [...fencedPreamble, '## [0.9.0] - 2023-12-01', '', '- Old.', ''].join('\n');
    expect(upsert(existing)).toBe(
      [
        ...fencedPreamble,
        '## [Unreleased]',
        '',
        '### Features',
        '',
        '- Add export (#7) <!-- sluice:pr-7 -->',
        '',
        '### Fixes',
        '',
        '- Fix crash (#8) <!-- sluice:pr-8 -->',
        '',
        '## [0.9.0] - 2023-12-01',
        '',
        '- Old.',
        '',
      ].join('\n'),
    );
  });

  it('files under an Unreleased heading written in setext style', () => {
    const existing = '# Changelog\n\nUnreleased\n----------\n\n### Fixes\n\n- Older fix.\n';
    expect(upsert(existing)).toBe(
      [
        '# Changelog',
        '',
        'Unreleased',
        '----------',
        '',
        '### Features',
        '',
        '- Add export (#7) <!-- sluice:pr-7 -->',
        '',
        '### Fixes',
        '',
        '- Older fix.',
        '- Fix crash (#8) <!-- sluice:pr-8 -->',
        '',
      ].join('\n'),
    );
  });

  it('leaves a release heading inside an HTML block alone', () => {
    const details = ['<details>', '<summary>Format</summary>', '## [Unreleased]', '</details>'];
    const existing = ['# Changelog', '', ...details, '', '## [Unreleased]', ''].join('\n');
    const text = upsert(existing);
    expect(
      text.startsWith(['# Changelog', '', ...details, '', '## [Unreleased]\n\n'].join('\n')),
    ).toBe(true);
    expect(text).toContain('## [Unreleased]\n\n### Features\n\n- Add export (#7)');
    expect(text.split('<!-- sluice:pr-7 -->')).toHaveLength(2);
  });

  it('does not take `### Fixes` in a code block or a list for the section', () => {
    const existing = [
      '## [Unreleased]',
      '',
      '### Features',
      '',
      '- Configurable sections, written as:',
      '',
      '  ```md',
      '  ### Fixes',
      '  ```',
      '',
      '~~~',
      '### Fixes',
      '~~~',
      '',
    ].join('\n');
    expect(upsert(existing)).toBe(
      [
        '## [Unreleased]',
        '',
        '### Features',
        '',
        '- Configurable sections, written as:',
        '',
        '  ```md',
        '  ### Fixes',
        '  ```',
        '',
        '~~~',
        '### Fixes',
        '~~~',
        '',
        '- Add export (#7) <!-- sluice:pr-7 -->',
        '',
        '### Fixes',
        '',
        '- Fix crash (#8) <!-- sluice:pr-8 -->',
        '',
      ].join('\n'),
    );
  });

  it('adds a new section before the link definitions that close the file', () => {
    const existing = [
      '## [1.1.0] - 2024-05-01',
      '',
      '### Features',
      '',
      '- Written earlier.',
      '',
      '[1.1.0]: https://example.com/compare/v1.0.0...v1.1.0',
      '[1.0.0]: https://example.com/releases/v1.0.0',
      '',
    ].join('\n');
    expect(upsert(existing, v110)).toBe(
      [
        '## [1.1.0] - 2024-05-01',
        '',
        '### Features',
        '',
        '- Written earlier.',
        '- Add export (#7) <!-- sluice:pr-7 -->',
        '',
        '### Fixes',
        '',
        '- Fix crash (#8) <!-- sluice:pr-8 -->',
        '',
        '[1.1.0]: https://example.com/compare/v1.0.0...v1.1.0',
        '[1.0.0]: https://example.com/releases/v1.0.0',
        '',
      ].join('\n'),
    );
  });

  it('starts a list after a paragraph or an HTML block instead of joining it', () => {
    const existing = [
      '## [Unreleased]',
      '',
      '### Features',
      '',
      'A note on this release.',
      '',
      '### Fixes',
      '',
      '<p>Fixed by hand.</p>',
      '',
    ].join('\n');
    expect(upsert(existing)).toBe(
      [
        '## [Unreleased]',
        '',
        '### Features',
        '',
        'A note on this release.',
        '',
        '- Add export (#7) <!-- sluice:pr-7 -->',
        '',
        '### Fixes',
        '',
        '<p>Fixed by hand.</p>',
        '',
        '- Fix crash (#8) <!-- sluice:pr-8 -->',
        '',
      ].join('\n'),
    );
  });

  it('writes a CRLF file with CRLF line breaks, and keeps the bytes it does not touch', () => {
    const lines = [
      '# Changelog  ',
      '',
      '## [Unreleased]',
      '',
      '### Fixes',
      '',
      '- Older fix.\t',
      '',
    ];
    const existing = lines.join('\r\n');
    const text = upsert(existing);
    expect(text).toBe(
      [
        '# Changelog  ',
        '',
        '## [Unreleased]',
        '',
        '### Features',
        '',
        '- Add export (#7) <!-- sluice:pr-7 -->',
        '',
        '### Fixes',
        '',
        '- Older fix.\t',
        '- Fix crash (#8) <!-- sluice:pr-8 -->',
        '',
      ].join('\r\n'),
    );
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('promotes a setext Unreleased to the version and keeps what the file says around it', () => {
    const existing =
      'Intro.\n\nUnreleased\n----------\n\n- Pending note.\n\n## [1.0.0]\n\n- First.\n';
    expect(upsert(existing, v110)).toBe(
      [
        'Intro.',
        '',
        'Unreleased',
        '----------',
        '',
        '## [1.1.0] - 2024-05-01',
        '',
        '- Pending note.',
        '',
        '### Features',
        '',
        '- Add export (#7) <!-- sluice:pr-7 -->',
        '',
        '### Fixes',
        '',
        '- Fix crash (#8) <!-- sluice:pr-8 -->',
        '',
        '## [1.0.0]',
        '',
        '- First.',
        '',
      ].join('\n'),
    );
  });
});
