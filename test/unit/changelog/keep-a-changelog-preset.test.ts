import { describe, expect, it } from '@jest/globals';
import type { ChangelogConfig } from '../../../src/changelog/index.js';
import {
  buildChangelog,
  changelogConfigFrom,
  renderReleaseNotes,
} from '../../../src/changelog/index.js';
import { upsertChangelog } from '../../../src/changelog/upsert-changelog.js';
import { parseConfig } from '../../../src/config/index.js';

function configOf(text: string): ChangelogConfig {
  const parsed = parseConfig(text, { path: '.github/sluice.yml' });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return changelogConfigFrom(parsed.config);
}

function errorsOf(text: string) {
  const parsed = parseConfig(text, { path: '.github/sluice.yml' });
  if (parsed.ok) throw new Error('the config was accepted');
  return parsed.errors.map(({ line, keyPath, kind, message }) => ({
    line,
    keyPath,
    kind,
    message,
  }));
}

const keepAChangelog = configOf('changelog:\n  preset: keep-a-changelog\n');

/** Subjects oldest first, as they landed. */
async function changelogOf(subjects: string[], config = keepAChangelog) {
  const commits = subjects
    .map((subject, i) => ({ sha: `${i + 1}`.padStart(40, 'a'), subject, body: '' }))
    .reverse();
  return buildChangelog({ commits, config });
}

describe('the keep-a-changelog preset', () => {
  it("groups conventional types under Keep a Changelog's six kinds, in its order", async () => {
    const { entries, warnings } = await changelogOf([
      'fix(api): handle empty input (#1)',
      'security: escape the search box (#2)',
      'remove: the v1 endpoints (#3)',
      'deprecate: the XML export (#4)',
      'perf: faster start (#5)',
      'feat!: settings live under /admin (#6)',
      'feat: CSV export (#7)',
      'docs: the API guide (#8)',
      'research: papers (#9)',
      'chore: tidy (#10)',
    ]);
    expect(renderReleaseNotes(entries, keepAChangelog)).toBe(
      [
        '### Added',
        '',
        '- CSV export (#7)',
        '',
        '### Changed',
        '',
        '- Faster start (#5)',
        '- **Breaking:** Settings live under /admin (#6)',
        '- The API guide (#8)',
        '- Papers (#9)',
        '',
        '### Deprecated',
        '',
        '- The XML export (#4)',
        '',
        '### Removed',
        '',
        '- The v1 endpoints (#3)',
        '',
        '### Fixed',
        '',
        '- Handle empty input (#1)',
        '',
        '### Security',
        '',
        '- Escape the search box (#2)',
        '',
      ].join('\n'),
    );
    // Nothing is dropped silently: an unknown type goes to Changed, with the usual warning.
    expect(warnings).toEqual([expect.objectContaining({ kind: 'unknown-type', type: 'research' })]);
  });

  it('suggests a major release only for a breaking entry, though Changed holds others too', async () => {
    expect((await changelogOf(['refactor: split the store (#1)'])).bump).toBe('patch');
    expect((await changelogOf(['fix!: stricter parsing (#1)'])).bump).toBe('major');
    expect((await changelogOf(['feat: CSV export (#1)'])).bump).toBe('minor');
    // semver: deprecating public API calls for a minor release.
    expect((await changelogOf(['deprecate: the XML export (#1)'])).bump).toBe('minor');
  });

  it('takes repository types on top of its table, with its own section keys', async () => {
    const config = configOf(
      'changelog:\n  preset: keep-a-changelog\n  types:\n    story: added\n    vuln: security\n',
    );
    const { entries } = await changelogOf(['vuln: patch the parser (#1)'], config);
    expect(renderReleaseNotes(entries, config)).toBe('### Security\n\n- Patch the parser (#1)\n');
    expect(config.types.story).toBe('Added');
  });

  it('adds to the sections of a file that already follows Keep a Changelog', async () => {
    const { entries } = await changelogOf(['fix: crash (#2)', 'feat!: drop Node 18 (#3)']);
    const existing =
      '## [Unreleased]\n\n### Added\n\n- Export (#1) <!-- sluice:pr-1 -->\n\n### Fixed\n\n- Leak.\n';
    const { text } = upsertChangelog({
      existing,
      entries,
      target: { kind: 'unreleased' },
      config: keepAChangelog,
    });
    expect(text).toBe(
      [
        '## [Unreleased]',
        '',
        '### Added',
        '',
        '- Export (#1) <!-- sluice:pr-1 -->',
        '',
        '### Changed',
        '',
        '- **Breaking:** Drop Node 18 (#3) <!-- sluice:pr-3 -->',
        '',
        '### Fixed',
        '',
        '- Leak.',
        '- Crash (#2) <!-- sluice:pr-2 -->',
        '',
      ].join('\n'),
    );
  });

  it("refuses the other preset's section keys, and headings it would ignore", () => {
    expect(
      errorsOf('changelog:\n  preset: keep-a-changelog\n  types:\n    story: features\n'),
    ).toEqual([
      {
        line: 4,
        keyPath: 'changelog.types.story',
        kind: 'not-one-of',
        message:
          '`changelog.types.story` must be one of added, changed, deprecated, removed, fixed, security; you wrote `features`.',
      },
    ]);
    expect(errorsOf('changelog:\n  types:\n    story: added\n')).toEqual([
      expect.objectContaining({ keyPath: 'changelog.types.story', kind: 'not-one-of' }),
    ]);
    expect(
      errorsOf('changelog:\n  preset: keep-a-changelog\n  sections:\n    features: New\n'),
    ).toEqual([
      expect.objectContaining({
        line: 4,
        keyPath: 'changelog.sections.features',
        kind: 'unexpected',
        message: expect.stringContaining("keeps Keep a Changelog's own headings") as unknown,
      }),
    ]);
  });

  it('leaves the default preset as it was: its own sections, no marker on breaking entries', async () => {
    const config = configOf('changelog:\n  preset: sluice\n  types:\n    incompatible: breaking\n');
    const { entries, bump } = await changelogOf(['feat!: drop Node 18 (#3)'], config);
    expect(renderReleaseNotes(entries, config)).toBe(
      '### Breaking changes\n\n- Drop Node 18 (#3)\n',
    );
    expect(bump).toBe('major');
    // A type the repository files under breaking changes is breaking by its word.
    expect((await changelogOf(['incompatible: new wire format (#4)'], config)).bump).toBe('major');
  });
});
