/**
 * The changelog's presets: which sections a release has and where each commit type goes.
 * Plain data, no zod: the changelog core reads the Keep a Changelog headings from here, and
 * `sluice changelog` must not load the schema to start.
 */
export const changelogPresets = ['sluice', 'keep-a-changelog'] as const;

export type ChangelogPreset = (typeof changelogPresets)[number];

/**
 * Keep a Changelog 1.1.0's six kinds of change, in its order. The headings are the format's
 * own (changelog linters check them), so unlike the sluice preset's they cannot be renamed.
 */
export const keepAChangelogTitles = {
  added: 'Added',
  changed: 'Changed',
  deprecated: 'Deprecated',
  removed: 'Removed',
  fixed: 'Fixed',
  security: 'Security',
} as const;

export type KeepAChangelogSection = keyof typeof keepAChangelogTitles;

export const keepAChangelogSectionKeys = Object.keys(
  keepAChangelogTitles,
) as KeepAChangelogSection[];

/**
 * Conventional types to Keep a Changelog's kinds. Performance, refactors and documentation
 * change what exists; a revert takes out something an earlier release shipped. `deprecate`,
 * `remove` and `security` are not conventional-commit types, but they are the only way a
 * subject can name the other three kinds.
 */
export const keepAChangelogTypes: Readonly<Record<string, KeepAChangelogSection>> = {
  feat: 'added',
  feature: 'added',
  story: 'added',
  fix: 'fixed',
  bug: 'fixed',
  bugfix: 'fixed',
  hotfix: 'fixed',
  perf: 'changed',
  refactor: 'changed',
  docs: 'changed',
  doc: 'changed',
  revert: 'removed',
  deprecate: 'deprecated',
  deprecation: 'deprecated',
  remove: 'removed',
  removal: 'removed',
  security: 'security',
  sec: 'security',
};

/**
 * Keep a Changelog has no section for breaking changes nor for what cannot be classified:
 * both go to Changed, a breaking entry marked as such (`breakingSectionShared` in the changelog core).
 */
export const keepAChangelogBreakingSection: KeepAChangelogSection = 'changed';
export const keepAChangelogOtherSection: KeepAChangelogSection = 'changed';
