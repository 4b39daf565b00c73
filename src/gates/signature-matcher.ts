import { AnchorAutomaton } from './anchor-automaton.js';
import { cleanTerminalText } from './clean-terminal-text.js';
import type { Signature, SignatureMatch, ToolSpec } from './types.js';

/** Thrown when the signature data itself is malformed: a programming error, not input. */
export class InvalidSignatureError extends Error {
  override name = 'InvalidSignatureError';
}

/** Flattens tool specs into signatures, in the order given: earlier ones win on a line. */
export function compileSignatures(tools: readonly ToolSpec[]): Signature[] {
  const seen = new Set<string>();
  return tools.flatMap((tool) =>
    tool.signatures.map((spec) => {
      const id = `${tool.id}/${spec.id}`;
      if (seen.has(id)) throw new InvalidSignatureError(`duplicate signature id ${id}`);
      if (spec.pattern.global || spec.pattern.sticky) {
        throw new InvalidSignatureError(`${id}: a global or sticky pattern keeps state`);
      }
      seen.add(id);
      return {
        id,
        tool: tool.id,
        class: spec.class ?? tool.class,
        strength: spec.strength ?? 'strong',
        afterTests: spec.afterTests ?? false,
        releasesTestLock: spec.releasesTestLock ?? false,
        ...(tool.fix === undefined ? {} : { fix: tool.fix }),
        anchors: typeof spec.anchor === 'string' ? [spec.anchor] : [...spec.anchor],
        pattern: spec.pattern,
        order: seen.size,
      };
    }),
  );
}

/**
 * Finds the first signature (in search order) that matches a line. An automaton over all
 * anchors rejects the vast majority of lines in one pass; only lines containing an anchor
 * pay for the regular expressions of that anchor's signatures.
 */
export class SignatureMatcher {
  readonly signatures: readonly Signature[];
  private readonly automaton: AnchorAutomaton;
  /** Per anchor, its signatures in search order. */
  private readonly buckets: Signature[][];

  constructor(tools: readonly ToolSpec[]) {
    this.signatures = compileSignatures(tools);
    const byAnchor = new Map<string, Signature[]>();
    for (const signature of this.signatures) {
      for (const anchor of signature.anchors) {
        if (anchor.length === 0) throw new InvalidSignatureError(`${signature.id}: empty anchor`);
        byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), signature]);
      }
    }
    this.automaton = new AnchorAutomaton([...byAnchor.keys()]);
    this.buckets = [...byAnchor.values()];
  }

  /** How many distinct anchors the last `match` call saw (0: the line is plain output). */
  lastAnchorCount = 0;

  /** `raw` may still hold colour codes: anchors are found through them, patterns run without. */
  match(raw: string): SignatureMatch | undefined {
    const count = this.automaton.scan(raw);
    this.lastAnchorCount = count;
    if (count === 0) return undefined;
    const text = cleanTerminalText(raw);
    let best: SignatureMatch | undefined;
    for (let i = 0; i < count; i++) {
      for (const signature of this.buckets[this.automaton.hits[i]!]!) {
        if (best && signature.order >= best.signature.order) break;
        const match = signature.pattern.exec(text);
        if (match) {
          best = { signature, groups: match.groups ?? {}, text };
          break;
        }
      }
    }
    return best;
  }
}
