import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Whether a presented secret (a bearer token, a form's CSRF token) is the expected one, in
 * the same time whatever the guess: both sides are hashed first, so neither a wrong byte's
 * position nor the secret's length shows in how long a refusal takes.
 */
export function sameSecret(expected: string, given: string | null | undefined): boolean {
  return typeof given === 'string' && timingSafeEqual(digest(given), digest(expected));
}
