import { z } from 'zod';
import { changelogSectionKeys, changelogSections } from './changelog-sections.js';
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

const builtInList = Object.entries(builtInTypeAliases)
  .map(([type, section]) => `${type} → ${section}`)
  .join(', ');

export const changelogSection = z
  .strictObject({
    /** Extends rather than replaces the built-ins, so adding `story` does not lose `feat`. */
    types: z
      .record(z.string().trim().min(1).max(50), z.enum(changelogSectionKeys))
      .default({})
      .transform((aliases) => ({ ...builtInTypeAliases, ...aliases }))
      .describe(
        `Which section each commit type goes to, added to the built-in table (${builtInList}); an entry here replaces the built-in one for the same type. Types are compared ignoring case.`,
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
  .prefault({})
  .meta({
    title: 'Changelog',
    description: 'How the changelog Action and `sluice changelog` group merge subjects.',
  });
