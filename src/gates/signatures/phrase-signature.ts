import type { SignatureSpec } from '../types.js';

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A signature that is nothing but fixed phrases: each phrase is its own anchor. */
export function phraseSignature(
  id: string,
  phrases: readonly string[],
  options: Omit<SignatureSpec, 'id' | 'anchor' | 'pattern'> = {},
): SignatureSpec {
  return {
    id,
    anchor: phrases,
    pattern: new RegExp(phrases.map(escapeRegExp).join('|')),
    ...options,
  };
}
