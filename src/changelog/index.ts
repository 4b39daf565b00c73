/**
 * The changelog: commits in, classified entries, release notes and an upserted
 * CHANGELOG.md out. Pure; git, files and GitHub are the callers' business.
 *
 * `upsertChangelog` is imported from `./upsert-changelog.js`, not from here: it loads the
 * Markdown parser, which `sluice changelog` pays for (about 0.1 s) only with `--write`.
 */
export { buildChangelog } from './build-changelog.js';
export type { BuildChangelogInput } from './build-changelog.js';
export { classifyEntry } from './classify-entry.js';
export { changelogConfigFrom } from './changelog-config-from.js';
export type { ChangelogSettings } from './changelog-config-from.js';
export { DEFAULT_CHANGELOG_CONFIG } from './default-config.js';
export { nameEntry, referenceEntry } from './entry-reference.js';
export { describeMessage, toEntryRecord, toParseRecord } from './entry-record.js';
export type { EntryRecord, ParseRecord } from './entry-record.js';
export {
  changelogCommitMessage,
  describeConfigErrors,
  describeNextVersion,
  describeTarget,
  describeWarning,
  renderJobSummary,
  renderReleaseHeading,
} from './messages.js';
export type { SummaryCounts } from './messages.js';
export {
  describeOmittedEntries,
  describeReleaseCut,
  describeReleaseTooLong,
} from './limit-messages.js';
export type { OmittedEntries } from './limit-messages.js';
export { renderReleaseNotes } from './render-release-notes.js';
export type { UpsertInput, UpsertResult } from './upsert-changelog.js';
export { countEntries } from './count-entries.js';
export type * from './types.js';
export { mergeReleaseNotes } from './merge-release-notes.js';
export { renderChangelogOutput } from './render-changelog-output.js';
export { INITIAL_VERSION, nextVersion } from './next-version.js';
export type { NextVersion } from './next-version.js';
export { summariseWarnings, WARNINGS_SHOWN_PER_KIND } from './summarise-warnings.js';
export type { WarningSummary } from './summarise-warnings.js';
export { cutLines, cutReleaseNotes } from './cut-release-notes.js';
export type { CutText, Measure } from './cut-release-notes.js';
export { fitReleaseBody, RELEASE_BODY_LIMIT } from './fit-release-body.js';
export type { FitReleaseInput, FittedRelease } from './fit-release-body.js';
export { parseRepositoryUrl, releaseUrl } from './repository-links.js';
