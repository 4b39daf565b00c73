import type { NextVersion } from './next-version.js';
import type { ChangelogWarning, ReleaseTarget, VersionBump } from './types.js';

/**
 * Every sentence the changelog shows a person, in one place so wording is reviewed once.
 * (Candidates for the app-wide `messages/` module.)
 */
export const NO_NOTABLE_CHANGES = '_No notable changes._';

/** Starts a breaking entry listed among other changes (Keep a Changelog's Changed). */
export const BREAKING_MARKER = '**Breaking:**';

export const CHANGELOG_PREAMBLE = [
  '# Changelog',
  '',
  'All notable changes to this project are documented in this file. The format is based on',
  '[Keep a Changelog](https://keepachangelog.com/en/1.1.0/). Entries are written by Sluice from',
  'merge subjects; the comment after each one is its anchor: edit the text freely, keep the',
  'comment, and later runs leave the entry alone.',
  '',
];

export function describeWarning(warning: ChangelogWarning): string {
  switch (warning.kind) {
    case 'unclassified':
      return `${warning.sha.slice(0, 7)} "${warning.subject}": no change type found; listed under Other. Use a conventional subject or Sluice-Type trailer, or add an ignore pattern.`;
    case 'unknown-type':
      return `${warning.sha.slice(0, 7)} "${warning.subject}": unknown type "${warning.type}"; listed under Other. Map it in changelog.types.`;
    case 'untitled':
      return warning.lookedUp
        ? `${warning.sha.slice(0, 7)} (${warning.ref}) has no title on GitHub; listed as "(${warning.ref})".`
        : `${warning.sha.slice(0, 7)} (${warning.ref}) has no title; listed as "(${warning.ref})". Give a token to fetch titles from GitHub.`;
    case 'title-lookup-failed':
      return `title of ${warning.ref} could not be fetched (${warning.reason}); listed as "(${warning.ref})".`;
  }
}

export function describeTarget(target: ReleaseTarget): string {
  switch (target.kind) {
    case 'unreleased':
      return 'Unreleased';
    case 'version':
      return target.version;
  }
}

export interface SummaryCounts {
  listed: number;
  hidden: number;
  ignored: number;
  cancelled: number;
}

/** The job summary: what a maintainer reads on the workflow run page. */
export function renderJobSummary(input: {
  target: ReleaseTarget;
  notes: string;
  counts: SummaryCounts;
  bump: VersionBump;
  /** The version counted from the previous tag; the line leaves it out when not given. */
  next?: NextVersion | undefined;
  warnings: readonly ChangelogWarning[];
}): string {
  const { counts } = input;
  const lines = [
    `## Changelog: ${describeTarget(input.target)}`,
    '',
    input.notes.trimEnd(),
    '',
    `${counts.listed} listed, ${counts.hidden} hidden by type, ${counts.ignored} ignored as housekeeping, ${counts.cancelled} cancelled by reverts. Suggested version bump: **${input.bump}**.${input.next ? ` ${describeNextVersion(input.next)}` : ''}`,
  ];
  if (input.warnings.length > 0) {
    lines.push('', `### Warnings (${input.warnings.length})`, '');
    // Subjects are anyone's text: keep them from turning into HTML on the summary page.
    lines.push(...input.warnings.map((w) => `- ${describeWarning(w).replace(/</g, '&lt;')}`));
  }
  return `${lines.join('\n')}\n`;
}

/** One line per config problem, in the `file:line:column: message fix` form editors link. */
export function describeConfigErrors(
  errors: readonly { path: string; line: number; column: number; message: string; fix: string }[],
): string {
  return errors.map((e) => `${e.path}:${e.line}:${e.column}: ${e.message} ${e.fix}`).join('\n');
}

/**
 * The file heading for a target, as `sluice changelog` prints it; in CHANGELOG.md a version
 * links to what changed (`## [1.2.0](…/compare/v1.1.0...v1.2.0) - 2024-05-01`), as
 * release-please writes it.
 */
export function renderReleaseHeading(target: ReleaseTarget, url?: string): string {
  switch (target.kind) {
    case 'unreleased':
      return '## [Unreleased]';
    case 'version': {
      const link = url === undefined ? '' : `(${url})`;
      const date = target.date === undefined ? '' : ` - ${target.date}`;
      return `## [${target.version.replace(/^v(?=\d)/, '')}]${link}${date}`;
    }
  }
}

/**
 * The commit the Action makes for the changelog. `chore(release)` is ignored by the
 * default housekeeping patterns, so the commit never shows up in the next changelog.
 */
export function changelogCommitMessage(path: string, target: ReleaseTarget): string {
  return `chore(release): update ${path} for ${describeTarget(target)}`;
}

/** The next version in one sentence, for the job summary and the step's log. */
export function describeNextVersion(next: NextVersion): string {
  switch (next.kind) {
    case 'next':
      return next.bump === 'initial'
        ? `Next version: **${next.version}** (first release).`
        : `Next version: **${next.version}**.`;
    case 'unchanged':
    case 'unknown':
      return `No next version: ${next.reason}.`;
  }
}

/** Closes a run of warnings shown one by one: how many more of the kind there are. */
export function describeMoreWarnings(warning: ChangelogWarning, more: number): string {
  return `… and ${formatCount(more)} more like this (${describeWarningKind(warning)})`;
}

function describeWarningKind(warning: ChangelogWarning): string {
  switch (warning.kind) {
    case 'unclassified':
      return 'subjects with no change type';
    case 'unknown-type':
      return `subjects of the unknown type "${warning.type}"`;
    case 'untitled':
      return 'ids without a title';
    case 'title-lookup-failed':
      return 'titles that could not be fetched';
  }
}

export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}
