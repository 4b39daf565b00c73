import type { ChangelogConfig } from './types.js';

/**
 * Rank of a section in a release: the configured order; titles the config does not know
 * (written by hand) just before Other, wherever Other is (Keep a Changelog's Changed is second).
 */
export function rankSection(section: string, config: ChangelogConfig): number {
  const index = indexOf(section, config);
  if (index !== -1) return index;
  const other = indexOf(config.otherSection, config);
  return (other === -1 ? config.sections.length : other) - 0.5;
}

function indexOf(section: string, config: ChangelogConfig): number {
  const title = section.toLowerCase();
  return config.sections.findIndex((candidate) => candidate.toLowerCase() === title);
}
