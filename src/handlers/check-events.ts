import type { SluiceRuntime } from '../runtime/sluice-runtime.js';
import { inFlightStates } from '../reconcile/observe.js';

/**
 * CI reporting on a staging commit is what moves a queue forward. Reports on any other commit
 * are none of Sluice's business. A whole suite finishing, a status, or a single failing check
 * run (to fail fast) triggers a reconcile; each passing check run alone would only cost API
 * calls to learn that the others are still running.
 */
export async function onCheckReport(
  runtime: SluiceRuntime,
  input: { repo: string; sha: string; reason: string },
): Promise<void> {
  for (const queue of await runtime.store.queue.listActiveQueues()) {
    if (queue.repo.toLowerCase() !== input.repo.toLowerCase()) continue;
    const stagings = await runtime.store.staging.list({ ...queue, states: [...inFlightStates] });
    if (stagings.some((s) => s.commitSha === input.sha))
      void runtime.reconcile(queue, input.reason);
  }
}

export function isFailingConclusion(conclusion: string | null | undefined): boolean {
  return (
    conclusion !== null &&
    conclusion !== undefined &&
    !['success', 'neutral', 'skipped'].includes(conclusion)
  );
}
