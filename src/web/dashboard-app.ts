import { configOf, recordCommand } from '../handlers/queue-events.js';
import type { SluiceRuntime } from '../runtime/sluice-runtime.js';
import type { Permission } from '../queue/types.js';
import { activeEntryStates } from '../store/index.js';
import { listQueues, readQueueView } from './read-queue-view.js';
import type { DashboardEnv } from './dashboard-env.js';
import type { DashboardApp, DashboardData, QueueKey } from './dashboard-deps.js';

const publicTtlMs = 5 * 60_000;

/** The dashboard's reads of the store, shaped for the pages. No GitHub request. */
export function dashboardData(
  runtime: SluiceRuntime,
  env: Pick<DashboardEnv, 'github'>,
): DashboardData {
  return {
    queueView(queue) {
      const cache = runtime.cache(queue.repo);
      const config = cache.config();
      return readQueueView(runtime.store, queue, {
        now: runtime.now(),
        configFreeze: config?.ok ? (config.config.queue.freeze.reason ?? null) : null,
        title: (number) => cache.pull(number)?.pull.title,
        serverUrl: env.github.webUrl,
      });
    },
    queues: () => listQueues(runtime.store),
  };
}

function pick(queue: QueueKey): QueueKey {
  return { repo: queue.repo, base: queue.base };
}

/** The dashboard's requests of the app: fresh reads through the installation, and its steering. */
export function dashboardApp(runtime: SluiceRuntime): DashboardApp {
  const publicRepos = new Map<string, { at: number; isPublic: boolean }>();
  return {
    async permissionOf(repo, login) {
      // Not the cached role the queue uses for a minute: an action is gated on the one now.
      const deps = await runtime.deps(repo);
      return deps.github.permissionOf(login);
    },
    async minimumPermission(repo): Promise<Permission> {
      const config = await configOf(runtime, repo);
      // A broken config names no permission: the default (`write`) guards until it is fixed.
      return config.ok ? config.config.queue.minimumPermission : 'write';
    },
    async isPublic(repo) {
      const key = repo.toLowerCase();
      const now = runtime.now().getTime();
      const hit = publicRepos.get(key);
      if (hit && now - hit.at < publicTtlMs) return hit.isPublic;
      let isPublic = false;
      try {
        const octokit = await runtime.installations.octokitFor(repo);
        const [owner = '', name = ''] = repo.split('/');
        const { data } = await octokit.rest.repos.get({ owner, repo: name });
        isPublic = !data.private;
      } catch (error) {
        // Not installed there, gone, suspended or rate limited: nothing to show anonymously,
        // and an error page would tell a stranger more than "no public queue here".
        runtime.log.warn(
          { repo, status: (error as { status?: number }).status },
          'dashboard: could not tell whether the repository is public',
        );
      }
      if (publicRepos.size >= 1_000) publicRepos.clear();
      publicRepos.set(key, { at: now, isPublic });
      return isPublic;
    },
    async requestCommand(input) {
      await recordCommand(runtime, { ...input, source: 'dashboard' });
    },
    async pause(input) {
      const { changed } = await runtime.store.pauses.pause({ ...input, now: runtime.now() });
      void runtime.reconcile(pick(input), 'dashboard pause');
      return changed;
    },
    async resume(input) {
      const resumed = await runtime.store.pauses.resume({ ...input, now: runtime.now() });
      void runtime.reconcile(pick(input), 'dashboard resume');
      return resumed;
    },
    async activeEntry(queue, entryId) {
      const entry = await runtime.store.queue.get(entryId);
      const active = (activeEntryStates as readonly string[]).includes(entry?.state ?? '');
      if (!entry || !active) return undefined;
      if (entry.repo.toLowerCase() !== queue.repo.toLowerCase() || entry.base !== queue.base)
        return undefined;
      return { number: entry.number };
    },
  };
}
