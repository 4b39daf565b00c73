import { buildQueueView } from '../dashboard/build-queue-view.js';
import type { QueueView } from '../dashboard/queue-view.js';
import { liveStagingStates } from '../store/index.js';
import type { EntryEvent, Store } from '../store/types.js';
import type { QueueKey, QueueSummary } from './dashboard-deps.js';

/** How far back the history, the charts and the ETAs look. */
export const historyDays = 14;
const historyLimit = 200;
const queueEventLimit = 50;

export interface ReadQueueViewOptions {
  now: Date;
  /** `queue.freeze.reason` of the repository's config, when it is known. */
  configFreeze: string | null;
  /** A PR's title, when the reader happens to know it (the app's cache); else the page shows `#n`. */
  title?: (number: number) => string | undefined;
  /** GitHub's web root, for links to PRs, commits and jobs. */
  serverUrl: string;
}

/**
 * One queue as the dashboard and `sluice status` show it, read from the store alone (a few
 * queries, no GitHub request): any replica, or a read-only reader of the store, can serve it.
 */
export async function readQueueView(
  store: Store,
  queue: QueueKey,
  options: ReadQueueViewOptions,
): Promise<QueueView> {
  const since = new Date(options.now.getTime() - historyDays * 24 * 60 * 60_000);
  const [active, stagings, checkRuns, ended, queueEvents, flakes, endedStagings, pause] =
    await Promise.all([
      store.queue.list(queue),
      store.staging.list({ ...queue, states: liveStagingStates }),
      store.outbox.latestCheckRunsIn(queue),
      store.queue.listEnded({ ...queue, since, limit: historyLimit }),
      store.queueEvents.list({ ...queue, limit: queueEventLimit }),
      store.flakes.list(queue.repo),
      store.staging.listEnded({ ...queue, since, limit: historyLimit }),
      store.pauses.get(queue),
    ]);
  const eventsByEntry = new Map<number, EntryEvent[]>();
  for (const event of await store.queue.listEventsFor(ended.map((entry) => entry.id))) {
    const events = eventsByEntry.get(event.entryId);
    if (events) events.push(event);
    else eventsByEntry.set(event.entryId, [event]);
  }
  const endedWithEvents = ended.map((entry) => ({
    entry,
    events: eventsByEntry.get(entry.id) ?? [],
  }));
  const titles = new Map<number, string>();
  for (const entry of active) {
    const title = options.title?.(entry.number);
    if (title !== undefined) titles.set(entry.number, title);
  }
  return buildQueueView({
    queue,
    now: options.now,
    configFreeze: options.configFreeze,
    pause: pause ?? null,
    active,
    stagings,
    checkRuns,
    ended: endedWithEvents,
    queueEvents,
    flakes,
    endedStagings,
    titles,
    days: historyDays,
    serverUrl: options.serverUrl,
  });
}

/** Every queue with active entries or an operator's pause, in repository and branch order. */
export async function listQueues(store: Store): Promise<QueueSummary[]> {
  const [counts, paused] = await Promise.all([
    store.queue.countActive(),
    store.pauses.listPaused(),
  ]);
  const byKey = new Map<string, QueueSummary>();
  const key = (q: QueueKey) => `${q.repo.toLowerCase()}\n${q.base}`;
  const summary = (q: QueueKey) =>
    byKey.get(key(q)) ?? { repo: q.repo, base: q.base, active: 0, paused: false };
  for (const count of counts) {
    const found = summary(count);
    found.active += count.count;
    byKey.set(key(count), found);
  }
  for (const queue of paused) {
    const found = summary(queue);
    found.paused = true;
    byKey.set(key(queue), found);
  }
  return [...byKey.values()].sort(
    (a, b) => a.repo.localeCompare(b.repo) || a.base.localeCompare(b.base),
  );
}
