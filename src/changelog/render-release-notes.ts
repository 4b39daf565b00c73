import { NO_NOTABLE_CHANGES } from './messages.js';
import { rankSection } from './section-order.js';
import type { ChangelogConfig, ChangelogEntry } from './types.js';

/** `- Name (#12)`, with the anchor comment only in CHANGELOG.md. */
export function formatEntryLine(entry: ChangelogEntry, withAnchor: boolean): string {
  const text = entry.name === '' ? `(${entry.ref})` : `${entry.name} (${entry.ref})`;
  return withAnchor ? `- ${text} <!-- sluice:${entry.anchor} -->` : `- ${text}`;
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

/** The body of a release (release notes, job summary, `sluice changelog`): no version heading. */
export function renderReleaseNotes(
  entries: readonly ChangelogEntry[],
  config: ChangelogConfig,
): string {
  const groups = groupBySection(entries, config);
  if (groups.length === 0) return `${NO_NOTABLE_CHANGES}\n`;
  return groups
    .map(([section, items]) => {
      const lines = items.map((entry) => formatEntryLine(entry, false));
      return [`### ${section}`, '', ...lines, ''].join('\n');
    })
    .join('\n');
}
