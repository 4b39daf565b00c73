import type { SluiceRuntime } from '../runtime/sluice-runtime.js';
import { knownQueues } from '../runtime/sweep.js';

/**
 * Branch protection or a ruleset changed: what a landing needs may have changed with it. The
 * cached policy is dropped and every queue of the repository decided again. The payload is
 * only a hint (it may be lost, or arrive late); landing confirms the policy fresh anyway.
 */
export async function onPolicyChange(
  runtime: SluiceRuntime,
  change: { repo: string; event: string },
): Promise<void> {
  runtime.cache(change.repo).forgetPolicies();
  const queues = (await knownQueues(runtime)).filter(
    (q) => q.repo.toLowerCase() === change.repo.toLowerCase(),
  );
  for (const queue of queues) void runtime.reconcile(queue, `policy ${change.event}`);
}
