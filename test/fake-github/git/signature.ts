import type { Signature } from './types.js';

/**
 * Always UTC: the same Date must give the same SHA whatever the machine's time zone, and
 * git keeps whole seconds only.
 */
export function formatGitDate(date: Date): string {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new TypeError('Invalid date for a git signature');
  return `${Math.floor(ms / 1000)} +0000`;
}

export function signatureEnv(role: 'AUTHOR' | 'COMMITTER', who: Signature): Record<string, string> {
  return {
    [`GIT_${role}_NAME`]: who.name,
    [`GIT_${role}_EMAIL`]: who.email,
    [`GIT_${role}_DATE`]: formatGitDate(who.date),
  };
}

/** Parses the value of an `author`/`committer` header: `Name <email> 1700000000 +0200`. */
export function parseSignature(value: string): Signature {
  const match = /^(.*) <([^>]*)> (\d+) [+-]\d{4}$/.exec(value);
  if (!match) throw new Error(`Unparseable git signature: ${JSON.stringify(value)}`);
  return { name: match[1]!, email: match[2]!, date: new Date(Number(match[3]) * 1000) };
}
