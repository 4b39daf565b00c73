/**
 * The changelog: commits in, classified entries, release notes and an upserted
 * CHANGELOG.md out. Pure; git, files and GitHub are the callers' business.
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
export { renderReleaseNotes } from './render-release-notes.js';
export { upsertChangelog } from './upsert-changelog.js';
export type { UpsertInput, UpsertResult } from './upsert-changelog.js';
export { countEntries } from './count-entries.js';
export type * from './types.js';
export { mergeReleaseNotes } from './merge-release-notes.js';
export { renderChangelogOutput } from './render-changelog-output.js';
export { INITIAL_VERSION, nextVersion } from './next-version.js';
export type { NextVersion } from './next-version.js';
