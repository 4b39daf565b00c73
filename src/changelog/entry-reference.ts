import type { ParsedSubject } from '../merge-subject/index.js';

export interface EntryReference {
  /** What the line shows in parentheses: `#12`, `ABC-12` or a short hash. */
  ref: string;
  /** The key written into CHANGELOG.md. */
  anchor: string;
  /** The number a title can be looked up by, when the reference is a GitHub number. */
  number: number | undefined;
}

/**
 * A pull request lands once, so its number is a stable key. Tracker ids repeat (a story
 * merged in several parts), so they are keyed with the commit too.
 */
export function referenceEntry(sha: string, parsed: ParsedSubject): EntryReference {
  const short = sha.slice(0, 7);
  if (parsed.pr !== undefined) {
    return { ref: `#${parsed.pr}`, anchor: `pr-${parsed.pr}`, number: parsed.pr };
  }
  if (parsed.id !== undefined && /^\d+$/.test(parsed.id)) {
    const number = Number(parsed.id);
    return { ref: `#${number}`, anchor: `id-${number}-${short}`, number };
  }
  if (parsed.id !== undefined) {
    return { ref: parsed.id, anchor: `id-${parsed.id.toLowerCase()}-${short}`, number: undefined };
  }
  return { ref: short, anchor: `c-${sha.slice(0, 12)}`, number: undefined };
}

const MARKUP = /[\\[\]<>]/;
const MARKUP_ALL = /[\\[\]<>]/g;

/** The entry's text: first letter capitalised, nothing that markdown would turn into markup. */
export function nameEntry(description: string): string {
  const text = description.trim();
  const first = text.charCodeAt(0);
  // ASCII fast path: this runs for every commit of a release.
  const capitalised =
    first >= 97 && first <= 122
      ? String.fromCharCode(first - 32) + text.slice(1)
      : text.charAt(0).toUpperCase() + text.slice(1);
  // Brackets would form links, `<` raw HTML (or hide the anchor comment that follows).
  return MARKUP.test(capitalised) ? capitalised.replace(MARKUP_ALL, '\\$&') : capitalised;
}
