import { DEFAULT_MERGE_TEMPLATE } from '../merge-subject/index.js';
import type { SluiceConfig } from '../config/index.js';
import type { ChangelogConfig } from './types.js';

/** The parts of the validated `.github/sluice.yml` the changelog reads. */
export type ChangelogSettings = Pick<SluiceConfig, 'changelog'> & {
  mergeMessage: Pick<SluiceConfig['mergeMessage'], 'subject'>;
};

/** Resolves section keys to titles, so the core deals in what the reader sees. */
export function changelogConfigFrom(settings: ChangelogSettings): ChangelogConfig {
  const { types, hidden, ignore, sections } = settings.changelog;
  const subject = settings.mergeMessage.subject;
  return {
    types: Object.fromEntries(
      Object.entries(types).map(([type, key]) => [type.toLowerCase(), sections[key]]),
    ),
    hidden: hidden.map((type) => type.toLowerCase()),
    sections: Object.values(sections),
    breakingSection: sections.breaking,
    otherSection: sections.other,
    ignore,
    template: subject === DEFAULT_MERGE_TEMPLATE ? undefined : subject,
  };
}
