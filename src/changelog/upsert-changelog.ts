import type { ChangelogDocument, ReleaseBlock } from './changelog-document.js';
import { parseChangelogDocument, readAnchors, releaseKey } from './changelog-document.js';
import { serializeChangelogDocument } from './changelog-document.js';
import { insertSectionItems } from './insert-section-items.js';
import { CHANGELOG_PREAMBLE, renderReleaseHeading } from './messages.js';
import { formatEntryLine, groupBySection } from './render-release-notes.js';
import type { ChangelogConfig, ChangelogEntry, ReleaseTarget } from './types.js';

export interface UpsertInput {
  /** The current CHANGELOG.md, or `undefined` when there is none yet. */
  existing: string | undefined;
  entries: readonly ChangelogEntry[];
  target: ReleaseTarget;
  config: ChangelogConfig;
}

export interface UpsertResult {
  text: string;
  /** Entries written this time; 0 with an unchanged text is the idempotent re-run. */
  added: number;
}

/**
 * Merges entries into CHANGELOG.md in Keep a Changelog form. An entry whose anchor is
 * anywhere in the file is left exactly as the file has it; releasing a version promotes
 * the Unreleased section to that version.
 */
export function upsertChangelog(input: UpsertInput): UpsertResult {
  const existing = input.existing?.trim()
    ? input.existing
    : [...CHANGELOG_PREAMBLE, '## [Unreleased]', ''].join('\n');
  const known = readAnchors(existing);
  const fresh = input.entries.filter((e) => e.status.kind === 'listed' && !known.has(e.anchor));
  const document = parseChangelogDocument(existing);
  const block = findOrCreateRelease(document, input.target);
  for (const [section, items] of groupBySection(fresh, input.config)) {
    const lines = items.map((entry) => formatEntryLine(entry, true));
    insertSectionItems(block.lines, section, lines, input.config);
  }
  return { text: serializeChangelogDocument(document), added: fresh.length };
}

function findOrCreateRelease(document: ChangelogDocument, target: ReleaseTarget): ReleaseBlock {
  const key = target.kind === 'unreleased' ? 'unreleased' : releaseKey(target.version);
  const found = document.releases.find((release) => release.key === key);
  if (found) return found;
  const unreleased = document.releases.find((release) => release.key === 'unreleased');
  if (target.kind === 'unreleased') {
    const created = { heading: '## [Unreleased]', key, lines: [''] };
    document.releases.unshift(created);
    return created;
  }
  const heading = renderReleaseHeading(target);
  if (!unreleased) {
    const created = { heading, key, lines: [''] };
    document.releases.unshift(created);
    return created;
  }
  // Keep a Changelog: what was collected as Unreleased becomes the version, and an empty
  // Unreleased section stays on top for what comes next.
  const promoted = { heading, key, lines: unreleased.lines };
  unreleased.lines = [''];
  document.releases.splice(document.releases.indexOf(unreleased) + 1, 0, promoted);
  return promoted;
}
