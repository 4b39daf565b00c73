import { stripUnsafeCharacters } from './strip-unsafe-characters.js';
import { isReservedTrailer, isValidTrailerKey } from './trailers.js';
import type { CoAuthor, PullRequestAuthor } from './types.js';

/** A programming mistake in what the app passed: exceptional, not a user's config error. */
export class MergeMessageError extends Error {
  override name = 'MergeMessageError';
}

/** Extra trailers from the app, checked so they can neither forge ours nor break the block. */
export function formatExtraTrailers(trailers: Readonly<Record<string, string>>): string[] {
  return Object.entries(trailers).flatMap(([key, value]) => {
    if (!isValidTrailerKey(key)) throw new MergeMessageError(`invalid trailer key "${key}"`);
    if (isReservedTrailer(key)) throw new MergeMessageError(`trailer "${key}" is reserved`);
    const line = singleLine(value);
    return line === '' ? [] : [`${key}: ${line}`];
  });
}

/**
 * `Co-authored-by:` for every distinct commit author other than the PR author, who is the
 * commit's author already (GitHub shows both in the commit header).
 */
export function formatCoAuthors(
  author: PullRequestAuthor,
  coAuthors: readonly CoAuthor[],
): string[] {
  const seen = new Set<string>(author.email ? [author.email.toLowerCase()] : []);
  const login = author.login.toLowerCase();
  const lines: string[] = [];
  for (const coAuthor of coAuthors) {
    const email = singleLine(coAuthor.email).replace(/[<>\s]/g, '');
    const key = email.toLowerCase();
    if (!/^[^@]+@[^@]+$/.test(email) || seen.has(key) || isNoreplyOf(key, login)) continue;
    seen.add(key);
    const name = singleLine(coAuthor.name).replace(/[<>]/g, '').trim() || email;
    lines.push(`Co-authored-by: ${name} <${email}>`);
  }
  return lines;
}

/** GitHub's private addresses: `login@users.noreply.github.com`, `123+login@...`. */
function isNoreplyOf(email: string, login: string): boolean {
  return new RegExp(`^(?:\\d+\\+)?${escape(login)}@users\\.noreply\\.github\\.com$`).test(email);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function singleLine(text: string): string {
  return stripUnsafeCharacters(text).replace(/\s+/g, ' ').trim();
}
