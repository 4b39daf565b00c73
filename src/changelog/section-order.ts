import type { ChangelogConfig } from './types.js';

/** Rank of a section in a release: the configured order; unknown titles just before Other. */
export function rankSection(section: string, config: ChangelogConfig): number {
  if (section === config.otherSection) return Number.MAX_SAFE_INTEGER;
  const index = config.sections.findIndex((title) => title.toLowerCase() === section.toLowerCase());
  return index === -1 ? Number.MAX_SAFE_INTEGER - 1 : index;
}
