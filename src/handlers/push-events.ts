import type { SluiceRuntime } from '../runtime/sluice-runtime.js';
import { configPath } from '../reconcile/load-config.js';
import { knownQueues } from '../runtime/sweep.js';

/**
 * A push to a base moves its queue (staging must be rebuilt on the new tip); a push to the
 * default branch that touches the config changes every queue's rules.
 */
export async function onPush(
  runtime: SluiceRuntime,
  event: { repo: string; ref: string; defaultBranch: string; touched: string[] },
): Promise<void> {
  if (!event.ref.startsWith('refs/heads/')) return;
  const branch = event.ref.slice('refs/heads/'.length);
  const cache = runtime.cache(event.repo);
  const configChanged =
    branch === event.defaultBranch &&
    event.touched.some((path) => path === configPath || path.startsWith('.github/'));
  if (configChanged) cache.forgetConfig();
  const queues = (await knownQueues(runtime)).filter(
    (q) => q.repo.toLowerCase() === event.repo.toLowerCase(),
  );
  for (const queue of queues) {
    if (configChanged || queue.base === branch) {
      // Base tips and mergeability come with the pull requests: all of them are stale now.
      cache.clearPulls();
      void runtime.reconcile(queue, `push to ${branch}`);
    }
  }
}
