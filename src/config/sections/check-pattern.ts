import type { z } from 'zod';
import type { SchemaProblem } from '../types.js';

/** Adds an issue when `pattern` is not a JavaScript regular expression. */
export function checkPattern(pattern: string, ctx: z.RefinementCtx): void {
  try {
    new RegExp(pattern, 'i');
  } catch (error) {
    // V8 repeats the pattern in its message ("Invalid regular expression: /(/i: ..."); the
    // user sees the pattern next to the reason anyway.
    const message = error instanceof Error ? error.message : String(error);
    const reason = message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    const problem: SchemaProblem = { kind: 'invalid-pattern', pattern, reason };
    ctx.addIssue({ code: 'custom', message: problem.kind, params: { problem } });
  }
}
