import type { z } from 'zod';
import type { SchemaProblem } from '../types.js';
import { suggestClosest } from '../suggest-closest.js';
import { subjectPlaceholders } from './subject-placeholders.js';

// `{ title }` and `{}` count as (mistyped) placeholders; braces around several words are text.
const placeholderPattern = /\{\s*([^{}\s]*)\s*\}/g;

/** Adds an issue for every `{name}` Sluice cannot fill and for a template spanning lines. */
export function checkSubjectTemplate(template: string, ctx: z.RefinementCtx): void {
  const known = Object.keys(subjectPlaceholders);
  if (/[\r\n]/.test(template)) report(ctx, { kind: 'multiline-template' });
  for (const [placeholder, name = ''] of template.matchAll(placeholderPattern)) {
    if (known.includes(name) && placeholder === `{${name}}`) continue;
    const closest = known.includes(name) ? name : suggestClosest(name, known);
    report(ctx, {
      kind: 'unknown-placeholder',
      placeholder,
      known: known.map((k) => `{${k}}`),
      ...(closest === undefined ? {} : { suggestion: `{${closest}}` }),
    });
  }
}

function report(ctx: z.RefinementCtx, problem: SchemaProblem): void {
  ctx.addIssue({ code: 'custom', message: problem.kind, params: { problem } });
}
