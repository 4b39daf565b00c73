import { createGateScanner } from './create-gate-scanner.js';
import type { GateContext, GateVerdict } from './types.js';

/** Classifies a log already in memory; large logs should be streamed with `createGateScanner`. */
export function classifyGateLog(log: string | Uint8Array, context: GateContext = {}): GateVerdict {
  const scanner = createGateScanner(context);
  scanner.push(log);
  return scanner.finish();
}
