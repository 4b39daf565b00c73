import { z } from 'zod';
import { gateClasses } from '../../gates/types.js';

const globPattern = z.string().trim().min(1).max(200);

export const classificationRule = z
  .strictObject({
    /** Globs rather than regexes: check names are short and people write them by hand. */
    check: globPattern
      .optional()
      .describe(
        'Glob (`*` any characters, `?` one) matched against the check run name, ignoring case.',
      ),
    /** Actions job names differ from check names when a workflow uses a matrix. */
    job: globPattern
      .optional()
      .describe('Glob matched against the Actions job name, ignoring case.'),
    /** The failing step is the strongest signal a rule can name. */
    step: globPattern
      .optional()
      .describe('Glob matched against the name of the failing step, ignoring case.'),
    /** Required: a rule that decides nothing is a mistake. */
    class: z.enum(gateClasses).describe('Class given to a failure the rule matches.'),
  })
  .superRefine((rule, ctx) => {
    if (rule.check !== undefined || rule.job !== undefined || rule.step !== undefined) return;
    const problem = { kind: 'empty-rule' } as const;
    ctx.addIssue({ code: 'custom', message: problem.kind, params: { problem } });
  })
  .meta({ title: 'Classification rule' });
