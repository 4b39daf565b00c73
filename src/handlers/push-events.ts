import type { SluiceRuntime } from '../runtime/sluice-runtime.js';
import { configPath } from '../reconcile/load-config.js';
import { knownQueues } from '../runtime/sweep.js';

/**
 * A push to a base moves its queue (staging must be rebuilt on the new tip); a push to the
 * default branch that touches the config changes every queue's rules.
 */
export async function onPush(
  runtime: SluiceRuntime,
  event: { repo: string; ref: string; after: string; defaultBranch: string; touched: string[] },
): Promise<void> {
  if (!event.ref.startsWith('refs/heads/')) return;
  const branch = event.ref.slice('refs/heads/'.length);
  const cache = runtime.cache(event.repo);
  const configChanged =
    branch === event.defaultBranch &&
    event.touched.some((path) => path === configPath || path.startsWith('.github/'));
  if (configChanged) cache.forgetConfig();
  // Our own landing: the base is already known to be there, the push tells nothing new.
  const known = cache.base(branch) === event.after;
  if (!known) cache.forgetBase(branch);
  const queues = (await knownQueues(runtime)).filter(
    (q) => q.repo.toLowerCase() === event.repo.toLowerCase(),
  );
  for (const queue of queues) {
    if (configChanged || (queue.base === branch && !known)) {
      void runtime.reconcile(queue, `push to ${branch}`);
    }
  }
}
