import type { StepFailure } from './types.js';

const exitCode = /^Process completed with exit code (\d+)\.?$/;
const timedOut = /has exceeded the maximum execution time of|^The action '.*' has timed out after/;
const runnerLost = /received a shutdown signal|lost communication with the server/;

/**
 * Reads the runner's own verdict on a step from an error line (`##[error]...` in a raw
 * log, `Error: ...` in a copy from the web UI). `uses:` steps have no exit code: the action
 * reports its failure as an error line of its own.
 */
export function detectStepFailure(message: string, isActionStep: boolean): StepFailure | null {
  const exit = exitCode.exec(message);
  if (exit) return { kind: 'exit-code', code: Number(exit[1]) };
  if (message.startsWith('The operation was canceled')) return { kind: 'cancelled' };
  if (message.startsWith('The job was canceled because')) return { kind: 'cancelled' };
  if (timedOut.test(message)) return { kind: 'timed-out' };
  if (runnerLost.test(message)) return { kind: 'runner-lost' };
  return isActionStep ? { kind: 'action-error' } : null;
}

const actionReference = /^Run (?:[\w.-]+\/[\w./-]+@\S+|\.{1,2}\/\S+|docker:\/\/\S+)$/;

/** `Run actions/checkout@v4`, `Run ./.github/actions/setup`: a `uses:` step, not a script. */
export function isActionStepTitle(title: string | null): boolean {
  return title !== null && actionReference.test(title);
}
