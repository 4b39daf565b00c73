import { describe, expect, it } from '@jest/globals';
import type { ChangelogEntry, ReleaseTarget } from '../../../src/changelog/index.js';
import {
  DEFAULT_CHANGELOG_CONFIG,
  parseRepositoryUrl,
  renderReleaseNotes,
} from '../../../src/changelog/index.js';
import { upsertChangelog } from '../../../src/changelog/upsert-changelog.js';
import { parseMergeSubject } from '../../../src/merge-subject/index.js';
import { anEntry } from './support/an-entry.js';

const config = DEFAULT_CHANGELOG_CONFIG;
const repositoryUrl = 'https://github.com/acme/widgets';
const v120: ReleaseTarget = { kind: 'version', version: 'v1.2.0', date: '2024-05-01' };

/** An entry for a subject that names no pull request: a bare id, a tracker key or nothing. */
function anUnnumberedEntry(subject: string, ref: string, anchor: string): ChangelogEntry {
  return {
    sha: 'abcdef1234567890abcdef1234567890abcdef12',
    parsed: parseMergeSubject(subject),
    status: { kind: 'listed', section: 'Fixes' },
    name: 'Crash on start',
    ref,
    anchor,
  };
}

describe('links in CHANGELOG.md, when the repository is known', () => {
  it('links each reference: a pull request, a bare id, a commit; a tracker key stays text', () => {
    const entries = [
      anEntry(12, 'Add export'),
      anUnnumberedEntry('sluice: merge 31 fix crash on start', '#31', 'id-31-abcdef1'),
      anUnnumberedEntry('fix: crash on start', 'abcdef1', 'c-abcdef123456'),
      anUnnumberedEntry('ABC-12_bug_crash_on_start', 'ABC-12', 'id-abc-12-abcdef1'),
    ];
    const { text } = upsertChangelog({
      existing: '## [Unreleased]\n',
      entries,
      target: { kind: 'unreleased' },
      config,
      repositoryUrl,
    });
    expect(text).toBe(
      [
        '## [Unreleased]',
        '',
        '### Features',
        '',
        '- Add export ([#12](https://github.com/acme/widgets/pull/12)) <!-- sluice:pr-12 -->',
        '',
        '### Fixes',
        '',
        '- Crash on start ([#31](https://github.com/acme/widgets/issues/31)) <!-- sluice:id-31-abcdef1 -->',
        '- Crash on start ([abcdef1](https://github.com/acme/widgets/commit/abcdef1234567890abcdef1234567890abcdef12)) <!-- sluice:c-abcdef123456 -->',
        '- Crash on start (ABC-12) <!-- sluice:id-abc-12-abcdef1 -->',
        '',
      ].join('\n'),
    );
  });

  it('links a released version to its comparison with the range start, as release-please does', () => {
    const existing =
      '## [Unreleased]\n\n### Features\n\n- Add export (#12) <!-- sluice:pr-12 -->\n';
    const entries = [anEntry(12, 'Add export')];
    const { text } = upsertChangelog({
      existing,
      entries,
      target: v120,
      config,
      repositoryUrl,
      from: 'v1.1.0',
    });
    expect(text).toBe(
      [
        '## [Unreleased]',
        '',
        '## [1.2.0](https://github.com/acme/widgets/compare/v1.1.0...v1.2.0) - 2024-05-01',
        '',
        '### Features',
        '',
        '- Add export (#12) <!-- sluice:pr-12 -->',
        '',
      ].join('\n'),
    );
  });

  it("links a first release, which has nothing to compare with, to its tag's page", () => {
    const { text } = upsertChangelog({
      existing: '# Changelog\n',
      entries: [],
      target: { kind: 'version', version: 'release/1.0 (rc)', date: undefined },
      config,
      repositoryUrl,
    });
    expect(text).toBe(
      '# Changelog\n\n## [release/1.0 (rc)](https://github.com/acme/widgets/releases/tag/release/1.0%20%28rc%29)\n',
    );
  });

  it('writes plain references without a repository, and leaves existing headings and entries alone', () => {
    const existing = '## [1.2.0] - 2024-05-01\n\n### Features\n\n- Old (#1) <!-- sluice:pr-1 -->\n';
    const entries = [anEntry(1, 'Old'), anEntry(2, 'New')];
    const linked = upsertChangelog({ existing, entries, target: v120, config, repositoryUrl });
    expect(linked.text).toBe(
      `${existing}- New ([#2](https://github.com/acme/widgets/pull/2)) <!-- sluice:pr-2 -->\n`,
    );
    const plain = upsertChangelog({ existing, entries, target: v120, config });
    expect(plain.text).toBe(`${existing}- New (#2) <!-- sluice:pr-2 -->\n`);
  });

  it('leaves `#12` to GitHub in the release notes, which it links there', () => {
    expect(renderReleaseNotes([anEntry(12, 'Add export')], config)).toBe(
      '### Features\n\n- Add export (#12)\n',
    );
  });
});

describe('parseRepositoryUrl', () => {
  it.each([
    ['https://github.com/acme/widgets', 'https://github.com/acme/widgets'],
    ['https://github.com/acme/widgets/', 'https://github.com/acme/widgets'],
    ['https://github.com/acme/widgets.git', 'https://github.com/acme/widgets'],
    [
      'https://x-access-token:secret@ghe.example.com/acme/widgets?x=1#y',
      'https://ghe.example.com/acme/widgets',
    ],
    ['http://localhost:3000/acme/widgets', 'http://localhost:3000/acme/widgets'],
  ])('reads %s as %s, without credentials', (given, expected) => {
    expect(parseRepositoryUrl(given)).toBe(expected);
  });

  it.each([
    'git@github.com:acme/widgets.git',
    'ftp://github.com/acme/widgets',
    'https://github.com/acme',
    'widgets',
  ])('rejects %s, which is not a web address of a repository', (given) => {
    expect(parseRepositoryUrl(given)).toBeUndefined();
  });
});
