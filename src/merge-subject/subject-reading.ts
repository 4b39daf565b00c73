import type { ParsedSubject, SubjectFormat } from './types.js';

/** What one grammar read from a subject; the orchestrator adds the subject and trailers. */
export type SubjectReading = Omit<ParsedSubject, 'subject'>;

/** Reads a subject line (and its body, for forms that keep the title there). */
export type SubjectReader = (line: string, body: string | undefined) => SubjectReading | undefined;

export function plainReading(format: SubjectFormat, description: string): SubjectReading {
  return {
    format,
    type: undefined,
    scope: undefined,
    breaking: false,
    description,
    pr: undefined,
    id: undefined,
    revert: undefined,
  };
}

/** Conventional types: a subject starting with one of these is never a bot's merge form. */
export const CONVENTIONAL_TYPES: ReadonlySet<string> = new Set([
  'feat',
  'fix',
  'docs',
  'style',
  'refactor',
  'perf',
  'test',
  'build',
  'ci',
  'chore',
  'revert',
]);

/** `add_login_page` -> `add login page`: legacy tooling wrote names as slugs. */
export function decodeSlug(name: string): string {
  return /\s/.test(name) ? name : name.replace(/_+/g, ' ').trim();
}
