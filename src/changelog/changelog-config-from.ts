import { DEFAULT_MERGE_TEMPLATE } from '../merge-subject/index.js';
import type { SluiceConfig } from '../config/index.js';
import {
  keepAChangelogBreakingSection,
  keepAChangelogOtherSection,
  keepAChangelogTitles,
} from '../config/sections/changelog-presets.js';
import type { ChangelogConfig } from './types.js';

/** The parts of the validated `.github/sluice.yml` the changelog reads. */
export type ChangelogSettings = Pick<SluiceConfig, 'changelog'> & {
  mergeMessage: Pick<SluiceConfig['mergeMessage'], 'subject'>;
};

/** Resolves section keys to titles, so the core deals in what the reader sees. */
export function changelogConfigFrom(settings: ChangelogSettings): ChangelogConfig {
  const { types, hidden, ignore } = settings.changelog;
  const preset = presetSections(settings.changelog);
  const subject = settings.mergeMessage.subject;
  return {
    types: Object.fromEntries(
      Object.entries(types).map(([type, key]) => [type.toLowerCase(), titleOf(preset, key)]),
    ),
    hidden: hidden.map((type) => type.toLowerCase()),
    sections: Object.values(preset.titles),
    breakingSection: preset.breaking,
    breakingSectionShared: preset.breakingShared,
    otherSection: preset.other,
    ignore,
    template: subject === DEFAULT_MERGE_TEMPLATE ? undefined : subject,
  };
}

interface PresetSections {
  /** Section key -> title, in print order. */
  titles: Readonly<Record<string, string>>;
  breaking: string;
  /** Whether other changes land under the breaking changes' heading too. */
  breakingShared: boolean;
  other: string;
}

function presetSections(changelog: SluiceConfig['changelog']): PresetSections {
  switch (changelog.preset) {
    case 'sluice': {
      const { sections } = changelog;
      // A type mapped to `breaking` is breaking by the repository's word; another section
      // given the same heading is not.
      const heading = sections.breaking.toLowerCase();
      const breakingShared = Object.entries(sections).some(
        ([key, title]) => key !== 'breaking' && title.toLowerCase() === heading,
      );
      return {
        titles: sections,
        breaking: sections.breaking,
        breakingShared,
        other: sections.other,
      };
    }
    case 'keep-a-changelog':
      return {
        titles: keepAChangelogTitles,
        breaking: keepAChangelogTitles[keepAChangelogBreakingSection],
        breakingShared: true,
        other: keepAChangelogTitles[keepAChangelogOtherSection],
      };
  }
}

/** The schema admits only the preset's own keys; anything else is a bug, not a fallback. */
function titleOf(preset: PresetSections, key: string): string {
  const title = Object.hasOwn(preset.titles, key) ? preset.titles[key] : undefined;
  if (title === undefined) throw new Error(`changelog section "${key}" is not in the preset`);
  return title;
}
