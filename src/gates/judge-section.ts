import type { CommandHint } from './command-hints.js';
import { describeGateClass } from './describe-gate-class.js';
import type { Evidence } from './section-evidence.js';
import type { GateClass, VerdictBasis } from './types.js';

export interface SectionJudgement {
  class: GateClass;
  confidence: number;
  basis: VerdictBasis;
  reason: string;
  tool: string | null;
  signature: string | null;
  line: number | null;
  context: string[];
  fix?: string;
}

export interface SectionFacts {
  strong: Evidence | null;
  weak: Evidence | null;
  hint: CommandHint | undefined;
  /** The runner (or the caller) says this step failed; a truncated log may not show it. */
  failed: boolean;
}

/**
 * A failing formatter or linter may print nothing but file names (`prettier -l`,
 * `gofmt -l`), so the command alone is evidence. Compilers and test runners always print
 * their errors; when those are missing, something else failed (a crash, a config error).
 */
function speaksForItself(cls: GateClass): boolean {
  return cls === 'fmt' || cls === 'lint';
}

function fromEvidence(
  evidence: Evidence,
  facts: SectionFacts,
  basis: VerdictBasis,
  confidence: number,
): SectionJudgement {
  const signature = evidence.match.signature;
  const hint = facts.hint;
  const agreeing = hint?.kind === 'command' && hint.class === signature.class ? hint : undefined;
  const fix = agreeing?.fix ?? signature.fix;

  return {
    class: signature.class,
    confidence: agreeing ? Math.min(0.95, confidence + 0.1) : confidence,
    basis,
    reason:
      basis === 'signature'
        ? `line ${evidence.line} matches ${signature.id}`
        : `only a summary line points to it: line ${evidence.line} matches ${signature.id}`,
    tool: agreeing?.tool ?? signature.tool,
    signature: signature.id,
    line: evidence.line,
    context: evidence.context,
    ...(fix === undefined ? {} : { fix }),
  };
}

/**
 * The order of evidence inside the failing step: a strong signature in its output, then
 * the tool its command runs, then a weak (summary) signature, then its name. Nothing
 * left means unknown: the queue must not guess a class it would act on.
 */
export function judgeSection(facts: SectionFacts): SectionJudgement {
  const { strong, weak, hint, failed } = facts;
  if (strong) return fromEvidence(strong, facts, 'signature', 0.85);
  const none = { tool: null, signature: null, line: null, context: [] };
  if (hint?.kind === 'command' && speaksForItself(hint.class) && (failed || weak)) {
    const agrees = weak?.match.signature.class === hint.class;
    return {
      class: hint.class,
      confidence: agrees ? 0.75 : 0.6,
      basis: 'command',
      reason: `the failing step runs ${hint.tool}; its output has no more specific evidence`,
      ...(agrees && weak ? { line: weak.line, context: weak.context } : none),
      tool: hint.tool,
      signature: agrees && weak ? weak.match.signature.id : null,
      ...(hint.fix === undefined ? {} : { fix: hint.fix }),
    };
  }
  if (weak) return fromEvidence(weak, facts, 'summary', 0.55);
  if (hint?.kind === 'step-name' && speaksForItself(hint.class) && failed) {
    return {
      class: hint.class,
      confidence: 0.4,
      basis: 'step-name',
      reason: `${describeGateClass(hint.class)}, judging by the failing step's name; its output has no evidence`,
      ...none,
    };
  }
  return {
    class: 'unknown',
    confidence: failed ? 0.5 : 0.3,
    basis: 'none',
    reason: failed
      ? "the failing step's output matches no tool signature"
      : 'the log shows no failing step (it may be truncated)',
    ...none,
  };
}
