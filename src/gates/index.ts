/**
 * Gate classification: names the gate a failing check shows (fmt, lint, build, test,
 * conflict, infra, unknown) from its conclusion, configured rules, the failing step's
 * command and the tool output in that step's own section of the log. Pure: the caller
 * streams the log in; nothing here reads files or the clock.
 */
export { classifyGateLog } from './classify-gate-log.js';
export {
  createGateScanner,
  GateScannerFinishedError,
  type GateScanner,
} from './create-gate-scanner.js';
export { describeGateClass } from './describe-gate-class.js';
export { matchNamePattern } from './match-gate-rule.js';
export { checkConclusions, gateClasses } from './types.js';
export type {
  AbortConclusion,
  CheckConclusion,
  GateAnnotation,
  GateClass,
  GateContext,
  GateRule,
  GateVerdict,
  JobStep,
  VerdictBasis,
} from './types.js';
