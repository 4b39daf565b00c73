import type { ParsedSubject } from '../merge-subject/index.js';

/** One commit as read from git: the changelog's only input from the outside. */
export interface CommitRecord {
  sha: string;
  subject: string;
  body: string;
}

/** The changelog's settings, as `changelogConfigFrom` derives them from `.github/sluice.yml`. */
export interface ChangelogConfig {
  /** Change type (lower-cased) -> section title. */
  types: Readonly<Record<string, string>>;
  /** Types left out (listed as hidden in the entries output); hidden wins over `types`. */
  hidden: readonly string[];
  /** Section titles in print order. */
  sections: readonly string[];
  /** Title of the section breaking changes go to, whatever their type. */
  breakingSection: string;
  /**
   * The breaking section also holds changes that are not breaking (Keep a Changelog's
   * Changed): there a breaking entry is marked as such, and only it calls for a major release.
   */
  breakingSectionShared: boolean;
  /** Title of the section for what could not be classified (Changed with Keep a Changelog). */
  otherSection: string;
  /** Case-insensitive patterns for housekeeping subjects (version bumps, regenerated files). */
  ignore: readonly string[];
  /** The app's merge subject template (`mergeMessage.subject`), when not the default. */
  template: string | undefined;
}

/** Why an entry is, or is not, in the changelog. */
export type EntryStatus =
  | { kind: 'listed'; section: string }
  | { kind: 'hidden'; type: string }
  | { kind: 'ignored'; pattern: string }
  | { kind: 'cancelled'; by: string };

export interface ChangelogEntry {
  sha: string;
  parsed: ParsedSubject;
  status: EntryStatus;
  /** The line's text, first letter capitalised; empty when only the id is known. */
  name: string;
  /** `#12`, `ABC-12`, or a short hash for a commit that names nothing. */
  ref: string;
  /** Stable key that marks the entry in CHANGELOG.md, so re-runs find it. */
  anchor: string;
}

/** Nothing is dropped silently: whatever could not be understood is listed and warned about. */
export type ChangelogWarning =
  | { kind: 'unclassified'; sha: string; subject: string }
  | { kind: 'unknown-type'; sha: string; subject: string; type: string }
  /** `lookedUp`: a token was given and GitHub had no title for it (or the lookup failed). */
  | { kind: 'untitled'; sha: string; ref: string; lookedUp: boolean }
  | { kind: 'title-lookup-failed'; ref: string; reason: string };

/** Finds the title of an issue or pull request by number (GitHub API in production). */
export interface TitleLookup {
  /** The title, or `undefined` when there is no such issue or pull request. */
  titleOf(number: number): Promise<string | undefined>;
}

/** Which GitHub Release: its id and its page (`html_url`). */
export interface ReleaseLocation {
  id: number;
  url: string;
}

/** A GitHub Release, as far as the changelog cares. */
export interface ReleaseNotes extends ReleaseLocation {
  body: string;
}

/** Reads and writes the notes of GitHub Releases (Octokit in production, a fake in tests). */
export interface ReleasePort {
  /** The release for `tag`, or `undefined` when there is none yet. */
  findRelease(tag: string): Promise<ReleaseNotes | undefined>;
  updateRelease(id: number, body: string): Promise<ReleaseLocation>;
  /** `target`: the commit to tag when the tag does not exist yet (else GitHub tags the default branch tip). */
  createRelease(tag: string, body: string, target?: string): Promise<ReleaseLocation>;
}

export type VersionBump = 'major' | 'minor' | 'patch' | 'none';

export interface ChangelogResult {
  entries: ChangelogEntry[];
  warnings: ChangelogWarning[];
  bump: VersionBump;
}

/** Where entries go in CHANGELOG.md: a version (with its date) or `Unreleased`. */
export type ReleaseTarget =
  { kind: 'unreleased' } | { kind: 'version'; version: string; date: string | undefined };
