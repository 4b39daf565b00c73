import type { ChangelogConfig, ChangelogEntry, VersionBump } from './types.js';

/**
 * The semver bump the listed entries call for: breaking -> major, anything in the section
 * `feat` maps to -> minor, any other listed change -> patch, nothing listed -> none.
 */
export function suggestBump(
  entries: readonly ChangelogEntry[],
  config: ChangelogConfig,
): VersionBump {
  const sections = entries.flatMap((e) => (e.status.kind === 'listed' ? [e.status.section] : []));
  if (sections.includes(config.breakingSection)) return 'major';
  const featureSection = config.types.feat;
  if (featureSection !== undefined && sections.includes(featureSection)) return 'minor';
  return sections.length > 0 ? 'patch' : 'none';
}
