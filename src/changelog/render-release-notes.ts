import { BREAKING_MARKER, NO_NOTABLE_CHANGES } from './messages.js';
import { referenceUrl } from './repository-links.js';
import { rankSection } from './section-order.js';
import type { ChangelogConfig, ChangelogEntry } from './types.js';

export interface EntryLineOptions {
  /** CHANGELOG.md's anchor comment after the entry. */
  anchor: boolean;
  /** Links the reference (CHANGELOG.md, where GitHub does not link `#12` by itself). */
  repositoryUrl?: string | undefined;
  /** Starts a breaking entry with the marker: its section holds other changes too. */
  markBreaking: boolean;
}

/** `- Name (#12)`; in CHANGELOG.md `- Name ([#12](…/pull/12)) <!-- sluice:pr-12 -->`. */
export function formatEntryLine(entry: ChangelogEntry, options: EntryLineOptions): string {
  const url = options.repositoryUrl && referenceUrl(options.repositoryUrl, entry);
  const ref = url ? `[${entry.ref}](${url})` : entry.ref;
  const marker = options.markBreaking && entry.parsed.breaking ? `${BREAKING_MARKER} ` : '';
  const text = entry.name === '' ? `${marker}(${ref})` : `${marker}${entry.name} (${ref})`;
  return options.anchor ? `- ${text} <!-- sluice:${entry.anchor} -->` : `- ${text}`;
}

/** Listed entries grouped into sections, in release order; entries keep landing order. */
export function groupBySection(
  entries: readonly ChangelogEntry[],
  config: ChangelogConfig,
): [string, ChangelogEntry[]][] {
  const groups = new Map<string, ChangelogEntry[]>();
  for (const entry of entries) {
    if (entry.status.kind !== 'listed') continue;
    const group = groups.get(entry.status.section) ?? [];
    group.push(entry);
    groups.set(entry.status.section, group);
  }
  return [...groups].sort(([a], [b]) => rankSection(a, config) - rankSection(b, config));
}

/**
 * The body of a release (release notes, job summary, `sluice changelog`): no version heading,
 * and `#12` left for GitHub to link, as it does in release notes.
 */
export function renderReleaseNotes(
  entries: readonly ChangelogEntry[],
  config: ChangelogConfig,
): string {
  const groups = groupBySection(entries, config);
  if (groups.length === 0) return `${NO_NOTABLE_CHANGES}\n`;
  const options = { anchor: false, markBreaking: config.breakingSectionShared };
  return groups
    .map(([section, items]) => {
      const lines = items.map((entry) => formatEntryLine(entry, options));
      return [`### ${section}`, '', ...lines, ''].join('\n');
    })
    .join('\n');
}
