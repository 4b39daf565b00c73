import type { ChangelogConfig } from './types.js';
import { rankSection } from './section-order.js';

const SUBSECTION = /^### +(?<title>.+?)\s*$/;

/**
 * Adds lines under `### section` in a release block: after the section's last line when it
 * exists, else as a new subsection placed by section order. Nothing else is rewritten.
 */
export function insertSectionItems(
  lines: string[],
  section: string,
  items: readonly string[],
  config: ChangelogConfig,
): void {
  const titles = lines.map((line) => SUBSECTION.exec(line)?.groups?.title);
  const heading = titles.findIndex((t) => t?.toLowerCase() === section.toLowerCase());
  if (heading !== -1) {
    const next = titles.findIndex((t, i) => i > heading && t !== undefined);
    let last = (next === -1 ? lines.length : next) - 1;
    while (last > heading && lines[last]?.trim() === '') last--;
    const insertion = [...(last === heading ? [''] : []), ...items];
    if (lines[last + 1] === undefined || lines[last + 1]?.trim() !== '') insertion.push('');
    lines.splice(last + 1, 0, ...insertion);
    return;
  }
  const rank = rankSection(section, config);
  const later = titles.findIndex((t) => t !== undefined && rankSection(t, config) > rank);
  const before = later === -1 ? lines.length : later;
  let start = before;
  while (start > 0 && lines[start - 1]?.trim() === '') start--;
  lines.splice(start, before - start, '', `### ${section}`, '', ...items, '');
}
