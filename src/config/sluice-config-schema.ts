import { z } from 'zod';
import type { SchemaProblem } from './types.js';
import { parseExtends } from './parse-extends.js';
import { changelogSection } from './sections/changelog-section.js';
import { checksSection } from './sections/checks-section.js';
import { gatesSection } from './sections/gates-section.js';
import { labelsSection } from './sections/labels-section.js';
import { landingSection } from './sections/landing-section.js';
import { mergeMessageSection } from './sections/merge-message-section.js';
import { queueSection } from './sections/queue-section.js';
import { findLabelClashes } from './find-label-clashes.js';

/** The schema of `.github/sluice.yml`. Every field has a default, so an empty file is valid. */
export const sluiceConfigSchema = z
  .strictObject({
    /** Consumed by the adapter before validation; kept here so editors accept the key. */
    _extends: z
      .string()
      .superRefine(checkExtends)
      .optional()
      .describe(
        'Inherit settings from another repository, as Probot apps do: `.github` (same owner), `repo`, `owner/repo`, or `owner/repo:path/to/file.yml`. Mappings merge key by key and this file wins; lists replace.',
      ),
    queue: queueSection,
    landing: landingSection,
    checks: checksSection,
    mergeMessage: mergeMessageSection,
    labels: labelsSection,
    gates: gatesSection,
    changelog: changelogSection,
  })
  .superRefine((config, ctx) => {
    for (const clash of findLabelClashes(config)) {
      const problem: SchemaProblem = {
        kind: 'label-clash',
        label: clash.label,
        queueLabelPath: 'queue.label',
      };
      ctx.addIssue({
        code: 'custom',
        path: clash.path,
        message: problem.kind,
        params: { problem },
      });
    }
  })
  .meta({
    title: 'Sluice configuration',
    description:
      'Settings of the Sluice merge queue for one repository, read from `.github/sluice.yml` on the default branch.',
  });

function checkExtends(value: string, ctx: z.RefinementCtx): void {
  if (parseExtends(value, { owner: 'owner', path: 'path' }) !== undefined) return;
  const problem: SchemaProblem = { kind: 'invalid-extends', received: value };
  ctx.addIssue({ code: 'custom', message: problem.kind, params: { problem } });
}
