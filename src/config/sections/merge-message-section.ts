import { z } from 'zod';
import { checkSubjectTemplate } from './check-subject-template.js';
import { subjectPlaceholders } from './subject-placeholders.js';

const placeholderList = Object.keys(subjectPlaceholders)
  .map((name) => `\`{${name}}\``)
  .join(', ');

const bodySection = z
  .strictObject({
    /** The PR description is where authors explain a change; most teams want it kept. */
    includePrBody: z
      .boolean()
      .default(true)
      .describe('Put the pull request description in the merge commit body.'),
    /** PR templates are full of HTML comments that render as nothing on GitHub. */
    stripHtmlComments: z
      .boolean()
      .default(true)
      .describe(
        'Remove `<!-- ... -->` comments (usually left over from PR templates) from the body.',
      ),
    /** Lets authors keep checklists and screenshots out of history without editing templates. */
    cutMarker: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .nullable()
      .default('<!-- sluice:cut -->')
      .describe(
        'Text in the PR description after which nothing goes into the commit body. `null` keeps the whole description.',
      ),
  })
  .prefault({})
  .meta({ title: 'Merge commit body', description: 'What the body of the landed commit holds.' });

export const mergeMessageSection = z
  .strictObject({
    /** The changelog parses this subject, so its placeholders are checked here. */
    subject: z
      .string()
      .min(1)
      .max(200)
      .superRefine(checkSubjectTemplate)
      .default('{title} (#{number})')
      .describe(`Template of the landed commit's subject. Placeholders: ${placeholderList}.`),
    body: bodySection,
    /** Squashing drops every author but one unless they are credited as co-authors. */
    coAuthors: z
      .boolean()
      .default(true)
      .describe(
        'Add a `Co-authored-by:` trailer for every other author of the pull request commits.',
      ),
    /** The changelog trusts trailers before subjects, so turning them off costs precision. */
    trailers: z
      .boolean()
      .default(true)
      .describe(
        'Add machine-readable trailers (`Sluice-PR:`, `Sluice-Type:`, `Sluice-Gates:`) that the changelog reads before the subject.',
      ),
    /** Fails early, at queue time, instead of producing an "Other" changelog entry later. */
    requireConventionalTitle: z
      .boolean()
      .default(false)
      .describe(
        'Refuse to queue a pull request whose title is not a conventional commit (`type(scope): description`).',
      ),
  })
  .prefault({})
  .meta({
    title: 'Merge message',
    description: 'The subject and body Sluice writes for a landed pull request.',
  });
