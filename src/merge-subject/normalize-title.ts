import { formatConventionalHeader, parseConventionalHeader } from './conventional-header.js';
import { stripUnsafeCharacters } from './strip-unsafe-characters.js';

/**
 * Long enough for any sensible title, short enough that `git log --oneline` and the
 * changelog stay readable; GitHub itself allows 256.
 */
export const MAX_TITLE_LENGTH = 120;

/** Shown when a title is empty once cleaned, so a subject never starts with ` (#N)`. */
export const UNTITLED = 'Untitled pull request';

/** ` (#123)` at the end, as GitHub appends on squash and authors sometimes type themselves. */
const PR_SUFFIX = /\s*\(#\d+\)\s*$/;

/**
 * Turns a pull request title into a single, safe, canonical subject fragment. Idempotent:
 * `normalizeTitle(normalizeTitle(t)) === normalizeTitle(t)`, which the round trip relies on.
 */
export function normalizeTitle(title: string): string {
  let text = stripUnsafeCharacters(title)
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  while (PR_SUFFIX.test(text)) text = text.replace(PR_SUFFIX, '');
  const header = parseConventionalHeader(text);
  if (header) text = formatConventionalHeader(header);
  return truncate(text) || UNTITLED;
}

function truncate(text: string): string {
  const characters = Array.from(text);
  if (characters.length <= MAX_TITLE_LENGTH) return text;
  const cut = characters.slice(0, MAX_TITLE_LENGTH - 1).join('');
  const atWord = cut.replace(/\s+\S*$/, '');
  // An ellipsis marks the cut and keeps a `(#N)` that happened to end the cut from being
  // read as a suffix the next time the title is normalised.
  return `${(atWord.length >= MAX_TITLE_LENGTH / 2 ? atWord : cut).trimEnd()}…`;
}
