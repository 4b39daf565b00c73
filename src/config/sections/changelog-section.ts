import { z } from 'zod';
import type { SchemaProblem } from '../types.js';
import { suggestClosest } from '../suggest-closest.js';
import { changelogSectionKeys, changelogSections } from './changelog-sections.js';
import {
  changelogPresets,
  keepAChangelogSectionKeys,
  keepAChangelogTitles,
  keepAChangelogTypes,
  type ChangelogPreset,
} from './changelog-presets.js';
import { checkPattern } from './check-pattern.js';

/** Aliases every repository gets; a repository's own table is added on top of it. */
export const builtInTypeAliases: Readonly<Record<string, (typeof changelogSectionKeys)[number]>> = {
  feat: 'features',
  feature: 'features',
  story: 'features',
  fix: 'fixes',
  bug: 'fixes',
  bugfix: 'fixes',
  hotfix: 'fixes',
  perf: 'performance',
  refactor: 'refactors',
  docs: 'documentation',
  doc: 'documentation',
  revert: 'reverts',
};

const builtInTables: Record<ChangelogPreset, Readonly<Record<string, SectionKey>>> = {
  sluice: builtInTypeAliases,
  'keep-a-changelog': keepAChangelogTypes,
};

const presetSectionKeys: Record<ChangelogPreset, readonly SectionKey[]> = {
  sluice: changelogSectionKeys,
  'keep-a-changelog': keepAChangelogSectionKeys,
};

type SectionKey =
  (typeof changelogSectionKeys)[number] | (typeof keepAChangelogSectionKeys)[number];

const listTable = (table: Readonly<Record<string, string>>) =>
  Object.entries(table)
    .map(([type, section]) => `${type} → ${section}`)
    .join(', ');

const defaultTitles: Readonly<Record<string, string>> = changelogSections.parse({});

export const changelogSection = z
  .strictObject({
    /** A preset rather than a hand-made table: Keep a Changelog's kinds are a standard. */
    preset: z
      .enum(changelogPresets)
      .default('sluice')
      .describe(
        `The sections a release is grouped into. \`sluice\`: ${changelogSectionKeys.join(', ')}, with the headings under \`sections\`. \`keep-a-changelog\`: Keep a Changelog's ${Object.values(keepAChangelogTitles).join(', ')}, whose headings are fixed; breaking changes and unknown types go to Changed, a breaking entry starting with **Breaking:**.`,
      ),
    /** Extends rather than replaces the built-ins, so adding `story` does not lose `feat`. */
    types: z
      .record(
        z.string().trim().min(1).max(50),
        // Which keys are valid depends on `preset`, so `checkPresetFields` judges them; the
        // enum is for editors, which complete both presets' keys.
        z.string().meta({ enum: [...changelogSectionKeys, ...keepAChangelogSectionKeys] }),
      )
      .default({})
      .describe(
        `Which section each commit type goes to, added to the preset's built-in table; an entry here replaces the built-in one for the same type. Types are compared ignoring case. A section is one of the preset's: ${changelogSectionKeys.join(', ')} for \`sluice\` (built in: ${listTable(builtInTypeAliases)}); ${keepAChangelogSectionKeys.join(', ')} for \`keep-a-changelog\` (built in: ${listTable(keepAChangelogTypes)}).`,
      ),
    /** Housekeeping types would drown the entries users care about. */
    hidden: z
      .array(z.string().trim().min(1).max(50))
      .max(100)
      .default(['spike', 'epic', 'chore', 'ci', 'test', 'build', 'style'])
      .describe('Commit types left out of the changelog. Hidden wins over `types`.'),
    /** Regexes because housekeeping subjects vary too much for globs. */
    ignore: z
      .array(z.string().min(1).max(200).superRefine(checkPattern))
      .max(100)
      .default([
        '^chore\\(release\\)',
        '^v?\\d+\\.\\d+\\.\\d+\\S*$',
        '^(build|chore)(\\([^)]*\\))?: regenerate\\b',
      ])
      .describe(
        'Regular expressions (JavaScript syntax, ignoring case) for housekeeping subjects — version bumps, regenerated files — that never appear in the changelog.',
      ),
    sections: changelogSections,
  })
  .superRefine(checkPresetFields)
  .transform((changelog) => ({
    ...changelog,
    types: { ...builtInTables[changelog.preset], ...changelog.types },
  }))
  .prefault({})
  .meta({
    title: 'Changelog',
    description: 'How the changelog Action and `sluice changelog` group merge subjects.',
  });

/** The section as parsed, before the built-in types are added. */
interface ParsedChangelog {
  preset: ChangelogPreset;
  types: Record<string, string>;
  sections: z.output<typeof changelogSections>;
}

/**
 * A type must go to a section of the chosen preset, and Keep a Changelog's headings are not
 * renamed: a setting that would be ignored is an error rather than a surprise.
 */
function checkPresetFields(changelog: ParsedChangelog, ctx: z.RefinementCtx): void {
  const options: string[] = [...presetSectionKeys[changelog.preset]];
  for (const [type, section] of Object.entries(changelog.types)) {
    if (options.includes(section)) continue;
    const suggestion = suggestClosest(section, options);
    const problem: SchemaProblem = {
      kind: 'not-one-of',
      options,
      received: section,
      ...(suggestion === undefined ? {} : { suggestion }),
    };
    ctx.addIssue({
      code: 'custom',
      path: ['types', type],
      message: problem.kind,
      params: { problem },
    });
  }
  if (changelog.preset !== 'keep-a-changelog') return;
  for (const [key, title] of Object.entries(changelog.sections)) {
    if (title === defaultTitles[key]) continue;
    const problem: SchemaProblem = {
      kind: 'unexpected',
      detail: `the keep-a-changelog preset keeps Keep a Changelog's own headings (${Object.values(keepAChangelogTitles).join(', ')}), so \`changelog.sections\` would be ignored; remove it, or set \`changelog.preset: sluice\``,
    };
    ctx.addIssue({
      code: 'custom',
      path: ['sections', key],
      message: problem.kind,
      params: { problem },
    });
  }
}
