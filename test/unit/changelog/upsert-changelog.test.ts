import { describe, expect, it } from '@jest/globals';
import type { ReleaseTarget } from '../../../src/changelog/index.js';
import { DEFAULT_CHANGELOG_CONFIG } from '../../../src/changelog/index.js';
import { upsertChangelog } from '../../../src/changelog/upsert-changelog.js';
import { anEntry } from './support/an-entry.js';

const config = DEFAULT_CHANGELOG_CONFIG;
const unreleased: ReleaseTarget = { kind: 'unreleased' };
const v120: ReleaseTarget = { kind: 'version', version: 'v1.2.0', date: '2024-05-01' };

const preamble = [
  '# Changelog',
  '',
  'All notable changes to this project are documented in this file. The format is based on',
  '[Keep a Changelog](https://keepachangelog.com/en/1.1.0/). Entries are written by Sluice from',
  'merge subjects; the comment after each one is its anchor: edit the text freely, keep the',
  'comment, and later runs leave the entry alone.',
  '',
];

describe('upsertChangelog', () => {
  it('starts a Keep a Changelog file with anchored entries under Unreleased', () => {
    const entries = [anEntry(1, 'Add export'), anEntry(2, 'Fix crash', 'Fixes')];
    const { text, added } = upsertChangelog({
      existing: undefined,
      entries,
      target: unreleased,
      config,
    });
    expect(added).toBe(2);
    expect(text).toBe(
      [
        ...preamble,
        '## [Unreleased]',
        '',
        '### Features',
        '',
        '- Add export (#1) <!-- sluice:pr-1 -->',
        '',
        '### Fixes',
        '',
        '- Fix crash (#2) <!-- sluice:pr-2 -->',
        '',
      ].join('\n'),
    );
  });

  it('changes nothing when run again with the same entries', () => {
    const entries = [anEntry(1, 'Add export'), anEntry(2, 'Fix crash', 'Fixes')];
    const first = upsertChangelog({ existing: undefined, entries, target: unreleased, config });
    const second = upsertChangelog({ existing: first.text, entries, target: unreleased, config });
    expect(second).toEqual({ text: first.text, added: 0 });
  });

  it('keeps hand edits, moved entries and foreign text, and adds only what is new', () => {
    const existing = [
      '# Changelog',
      '',
      '## [Unreleased]',
      '',
      '### Features',
      '',
      '- Export to **CSV** and XLSX, see the docs (#1) <!-- sluice:pr-1 -->',
      '  A second line the maintainer wrote.',
      '',
      '### Documentation',
      '',
      '- Fix crash, moved here on purpose (#2) <!-- sluice:pr-2 -->',
      '',
      '## [1.0.0] - 2020-01-01',
      '',
      '- Written by hand, long ago.',
      '',
      '[1.0.0]: https://example.com/v1.0.0',
      '',
    ].join('\n');
    const entries = [
      anEntry(1, 'Add export'),
      anEntry(2, 'Fix crash', 'Fixes'),
      anEntry(3, 'Add import'),
      anEntry(4, 'Fix leak', 'Fixes'),
      anEntry(5, 'Drop v1', 'Breaking changes'),
    ];
    const { text, added } = upsertChangelog({ existing, entries, target: unreleased, config });
    expect(added).toBe(3);
    expect(text).toBe(
      [
        '# Changelog',
        '',
        '## [Unreleased]',
        '',
        '### Breaking changes',
        '',
        '- Drop v1 (#5) <!-- sluice:pr-5 -->',
        '',
        '### Features',
        '',
        '- Export to **CSV** and XLSX, see the docs (#1) <!-- sluice:pr-1 -->',
        '  A second line the maintainer wrote.',
        '- Add import (#3) <!-- sluice:pr-3 -->',
        '',
        '### Fixes',
        '',
        '- Fix leak (#4) <!-- sluice:pr-4 -->',
        '',
        '### Documentation',
        '',
        '- Fix crash, moved here on purpose (#2) <!-- sluice:pr-2 -->',
        '',
        '## [1.0.0] - 2020-01-01',
        '',
        '- Written by hand, long ago.',
        '',
        '[1.0.0]: https://example.com/v1.0.0',
        '',
      ].join('\n'),
    );
  });

  it('promotes Unreleased to the released version and keeps an empty Unreleased on top', () => {
    const before = upsertChangelog({
      existing: undefined,
      entries: [anEntry(1, 'Add export')],
      target: unreleased,
      config,
    }).text;
    const entries = [anEntry(1, 'Add export'), anEntry(2, 'Fix crash', 'Fixes')];
    const released = upsertChangelog({ existing: before, entries, target: v120, config });
    expect(released.text).toBe(
      [
        ...preamble,
        '## [Unreleased]',
        '',
        '## [1.2.0] - 2024-05-01',
        '',
        '### Features',
        '',
        '- Add export (#1) <!-- sluice:pr-1 -->',
        '',
        '### Fixes',
        '',
        '- Fix crash (#2) <!-- sluice:pr-2 -->',
        '',
      ].join('\n'),
    );
    const again = upsertChangelog({ existing: released.text, entries, target: v120, config });
    expect(again).toEqual({ text: released.text, added: 0 });
  });

  it('adds to a version section that already exists instead of promoting again', () => {
    const existing =
      '# Changelog\n\n## [Unreleased]\n\n- Pending note.\n\n## [1.2.0] - 2024-05-01\n';
    const { text } = upsertChangelog({
      existing,
      entries: [anEntry(7, 'Late entry')],
      target: v120,
      config,
    });
    expect(text).toBe(
      [
        '# Changelog',
        '',
        '## [Unreleased]',
        '',
        '- Pending note.',
        '',
        '## [1.2.0] - 2024-05-01',
        '',
        '### Features',
        '',
        '- Late entry (#7) <!-- sluice:pr-7 -->',
        '',
      ].join('\n'),
    );
  });

  it('never writes entries that are hidden, ignored or cancelled', () => {
    const hidden = { ...anEntry(8, 'Chore'), status: { kind: 'hidden' as const, type: 'chore' } };
    const { added } = upsertChangelog({
      existing: undefined,
      entries: [hidden],
      target: unreleased,
      config,
    });
    expect(added).toBe(0);
  });
});
