import { classifyByConclusion } from './classify-by-conclusion.js';
import { findGateRule } from './match-gate-rule.js';
import type { GateContext, GateVerdict } from './types.js';

/** A verdict with no log evidence: what the caller knows, nothing more. */
export function contextVerdict(
  context: GateContext,
  decision: Pick<GateVerdict, 'class' | 'confidence' | 'basis' | 'reason' | 'signature'>,
  step: string | null = context.step ?? null,
): GateVerdict {
  return {
    ...decision,
    check: context.check ?? null,
    job: context.job ?? null,
    step,
    tool: null,
    line: null,
    context: [],
    annotations: [],
  };
}

/** The rule matching these names, as a verdict. */
export function ruleVerdict(
  context: GateContext,
  step: string | null,
  job: string | null = context.job ?? null,
): GateVerdict | undefined {
  const found = findGateRule(context.rules ?? [], { check: context.check ?? null, job, step });
  if (!found) return undefined;
  return contextVerdict(
    { ...context, job },
    {
      class: found.rule.class,
      confidence: 1,
      basis: 'rule',
      reason: `configured rule ${found.index + 1} classifies this check as ${found.rule.class}`,
      signature: `rule/${found.index + 1}`,
    },
    step,
  );
}

/**
 * The first two stages of the evidence order: the conclusion, then configured rules on
 * names already known. When either decides, the log need not be read at all.
 */
export function decideBeforeLog(context: GateContext): GateVerdict | undefined {
  const byConclusion = classifyByConclusion(context.conclusion, context.conclusionClasses);
  if (byConclusion) {
    return contextVerdict(context, {
      class: byConclusion.class,
      confidence: 0.95,
      basis: 'conclusion',
      reason: byConclusion.reason,
      signature: `conclusion/${context.conclusion ?? 'none'}`,
    });
  }
  return ruleVerdict(context, context.step ?? null);
}
