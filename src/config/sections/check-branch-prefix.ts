import type { z } from 'zod';
import type { SchemaProblem } from '../types.js';

// The subset of `git check-ref-format` rules a prefix can break on its own; the base
// branch name appended after it is already a valid ref.
const forbiddenCharacters = /[\s~^:?*[\\]|@\{/;

/** Adds an issue when `prefix` cannot start a git branch name. */
export function checkBranchPrefix(prefix: string, ctx: z.RefinementCtx): void {
  const reason = findBranchPrefixFlaw(prefix);
  if (reason === undefined) return;
  const problem: SchemaProblem = { kind: 'invalid-branch-prefix', received: prefix, reason };
  ctx.addIssue({ code: 'custom', message: problem.kind, params: { problem } });
}

function findBranchPrefixFlaw(
  prefix: string,
): Extract<SchemaProblem, { kind: 'invalid-branch-prefix' }>['reason'] | undefined {
  if (forbiddenCharacters.test(prefix) || hasControlCharacter(prefix)) return 'character';
  if (prefix.includes('..')) return 'double-dot';
  if (/^[/.-]|\/\./.test(prefix)) return 'leading';
  if (/\.lock(\/|$)/.test(prefix)) return 'lock-suffix';
  return undefined;
}

function hasControlCharacter(text: string): boolean {
  return Array.from(text).some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);
}
