import type { SluiceRuntime } from '../runtime/sluice-runtime.js';
import { liveStagingStates as inFlightStates } from '../store/index.js';

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
  runtime.cache(input.repo).forgetChecks(input.sha);
  for (const queue of await runtime.store.queue.listActiveQueues()) {
    if (queue.repo.toLowerCase() !== input.repo.toLowerCase()) continue;
    const stagings = await runtime.store.staging.list({ ...queue, states: [...inFlightStates] });
    if (stagings.some((s) => s.commitSha === input.sha))
      void runtime.reconcile(queue, input.reason);
  }
}

/**
 * A runner picked up a job of a staging: CI has room, and the queue may use it (a probe, or
 * the next staging in line) — but only when some queued PR is not in a staging yet, so a busy
 * queue does not pay a reconcile for every job that starts.
 */
export async function onRunnerStarted(
  runtime: SluiceRuntime,
  input: { repo: string; sha: string },
): Promise<void> {
  runtime.cache(input.repo).forgetChecks(input.sha);
  for (const queue of await runtime.store.queue.listActiveQueues()) {
    if (queue.repo.toLowerCase() !== input.repo.toLowerCase()) continue;
    const stagings = await runtime.store.staging.list({ ...queue, states: [...inFlightStates] });
    if (!stagings.some((s) => s.commitSha === input.sha)) continue;
    const staged = new Set(stagings.flatMap((s) => s.prs.map((p) => p.entryId)));
    const entries = await runtime.store.queue.list(queue);
    if (entries.some((e) => e.state === 'queued' && !staged.has(e.id)))
      void runtime.reconcile(queue, 'a runner started on a staging');
  }
}

export function isFailingConclusion(conclusion: string | null | undefined): boolean {
  return (
    conclusion !== null &&
    conclusion !== undefined &&
    !['success', 'neutral', 'skipped'].includes(conclusion)
  );
}
