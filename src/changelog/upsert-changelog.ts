import type { ChangelogDocument } from './changelog-document.js';
import { parseChangelogDocument, releaseKey } from './changelog-document.js';
import { CHANGELOG_PREAMBLE, renderReleaseHeading } from './messages.js';
import type { SectionLines } from './plan-section-edits.js';
import { planSectionEdits, renderSections } from './plan-section-edits.js';
import { formatEntryLine, groupBySection } from './render-release-notes.js';
import { releaseUrl } from './repository-links.js';
import type { TextEdit } from './text-edits.js';
import { applyTextEdits, lineBreakOf, lineEnd } from './text-edits.js';
import type { ChangelogConfig, ChangelogEntry, ReleaseTarget } from './types.js';

export interface UpsertInput {
  /** The current CHANGELOG.md, or `undefined` when there is none yet. */
  existing: string | undefined;
  entries: readonly ChangelogEntry[];
  target: ReleaseTarget;
  config: ChangelogConfig;
  /**
   * The repository's web address (`https://github.com/acme/widgets`): new entries then link
   * their pull requests, and a new version heading links to what changed since `from`.
   */
  repositoryUrl?: string | undefined;
  /** Where the range starts (the previous tag), for that comparison. */
  from?: string | undefined;
}

export interface UpsertResult {
  text: string;
  /** Entries written this time; 0 with an unchanged text is the idempotent re-run. */
  added: number;
}

/**
 * Merges entries into CHANGELOG.md in Keep a Changelog form. An entry whose anchor is
 * anywhere in the file is left exactly as the file has it; releasing a version promotes
 * the Unreleased section to that version. The file is read as Markdown and only the new
 * lines are spliced in, so every other byte stays as it was.
 */
export function upsertChangelog(input: UpsertInput): UpsertResult {
  const { config } = input;
  const existing = input.existing?.trim()
    ? input.existing
    : [...CHANGELOG_PREAMBLE, '## [Unreleased]', ''].join('\n');
  const document = parseChangelogDocument(existing);
  const fresh = input.entries.filter(
    (e) => e.status.kind === 'listed' && !document.anchors.has(e.anchor),
  );
  const options = {
    anchor: true,
    repositoryUrl: input.repositoryUrl,
    markBreaking: config.breakingSectionShared,
  };
  const groups = groupBySection(fresh, config).map(([section, items]): SectionLines => [
    section,
    items.map((e) => formatEntryLine(e, options)),
  ]);
  const edits = planRelease(document, input, groups);
  return { text: applyTextEdits(existing, edits), added: fresh.length };
}

function planRelease(
  document: ChangelogDocument,
  input: UpsertInput,
  groups: readonly SectionLines[],
): TextEdit[] {
  const { text } = document;
  const { target, config } = input;
  const lineBreak = lineBreakOf(text);
  const key = target.kind === 'unreleased' ? 'unreleased' : releaseKey(target.version);
  const found = document.releases.find((release) => release.key === key);
  if (found) return planSectionEdits({ text, block: found, groups, config, lineBreak });
  const link =
    target.kind === 'version' && input.repositoryUrl !== undefined
      ? releaseUrl(input.repositoryUrl, input.from, target.version)
      : undefined;
  const heading = renderReleaseHeading(target, link);
  const unreleased =
    target.kind === 'version'
      ? document.releases.find((release) => release.key === 'unreleased')
      : undefined;
  if (!unreleased) return [insertRelease(document, heading, groups)];
  // Keep a Changelog: what was collected as Unreleased becomes the version, and an empty
  // Unreleased section stays on top for what comes next.
  const at = lineEnd(text, unreleased.heading.end);
  const promotion = { start: at, end: at, insert: `${lineBreak}${lineBreak}${heading}` };
  return [promotion, ...planSectionEdits({ text, block: unreleased, groups, config, lineBreak })];
}

/** A new release section: before the newest one, else at the end (before link definitions). */
function insertRelease(
  document: ChangelogDocument,
  heading: string,
  groups: readonly SectionLines[],
): TextEdit {
  const { text } = document;
  const n = lineBreakOf(text);
  const newest = document.releases[0];
  if (newest) {
    const at = newest.heading.start;
    return { start: at, end: at, insert: `${heading}${renderSections(groups, n, true)}` };
  }
  const at = document.footer;
  const before = text.slice(0, at);
  const blank = at === 0 || before.endsWith(n + n) ? '' : before.endsWith(n) ? n : `${n}${n}`;
  const followed = at < text.length;
  return { start: at, end: at, insert: `${blank}${heading}${renderSections(groups, n, followed)}` };
}
