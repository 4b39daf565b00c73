import type { ChangelogConfig, ChangelogEntry, VersionBump } from './types.js';

/** Types whose sections call for a minor release: new features, and deprecations (semver §7). */
const MINOR_TYPES = ['feat', 'deprecate'];

/**
 * The semver bump the listed entries call for: a breaking change (or anything in a breaking
 * section of its own) -> major, anything in the section `feat` or `deprecate` maps to ->
 * minor, any other listed change -> patch, nothing listed -> none.
 */
export function suggestBump(
  entries: readonly ChangelogEntry[],
  config: ChangelogConfig,
): VersionBump {
  // Keep a Changelog's Changed holds breaking and ordinary changes alike: there, only an
  // entry's own breaking flag counts.
  const breakingSection = config.breakingSectionShared ? undefined : config.breakingSection;
  const minorSections = new Set(
    MINOR_TYPES.flatMap((type) => (Object.hasOwn(config.types, type) ? [config.types[type]] : [])),
  );
  let bump: VersionBump = 'none';
  for (const entry of entries) {
    if (entry.status.kind !== 'listed') continue;
    const { section } = entry.status;
    if (entry.parsed.breaking || section === breakingSection) return 'major';
    if (minorSections.has(section)) bump = 'minor';
    else if (bump === 'none') bump = 'patch';
  }
  return bump;
}
