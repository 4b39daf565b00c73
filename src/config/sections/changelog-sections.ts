import { z } from 'zod';

function sectionTitle(title: string, what: string) {
  return z
    .string()
    .trim()
    .min(1)
    .max(100)
    .default(title)
    .describe(`Heading of the section for ${what}.`);
}

/** The changelog's sections in the order they are printed; a type alias points at one of them. */
export const changelogSections = z
  .strictObject({
    /** First, because it is what an upgrading user must read. */
    breaking: sectionTitle(
      'Breaking changes',
      'changes marked breaking (`!` or a `BREAKING CHANGE:` footer)',
    ),
    /** New capabilities. */
    features: sectionTitle('Features', 'new features'),
    /** Bug fixes. */
    fixes: sectionTitle('Fixes', 'bug fixes'),
    /** Speed and memory improvements. */
    performance: sectionTitle('Performance', 'performance improvements'),
    /** Internal restructuring worth a mention. */
    refactors: sectionTitle('Refactors', 'refactors'),
    /** Documentation changes. */
    documentation: sectionTitle('Documentation', 'documentation changes'),
    /** Reverts of changes released earlier; reverts inside one release cancel out instead. */
    reverts: sectionTitle('Reverts', 'reverts of changes from earlier releases'),
    /** Nothing is dropped silently: what cannot be classified lands here, with a warning. */
    other: sectionTitle('Other', 'entries whose type is unknown'),
  })
  .prefault({})
  .meta({
    title: 'Changelog sections',
    description:
      'Section headings of the `sluice` preset, in the order they are printed (`keep-a-changelog` keeps its own).',
  });

export const changelogSectionKeys = Object.keys(changelogSections.unwrap().shape) as Array<
  keyof z.output<typeof changelogSections>
>;
