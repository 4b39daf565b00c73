import type { SluiceRuntime } from './sluice-runtime.js';
import { queueLabelOf } from '../handlers/queue-events.js';
import type { QueueRef } from '../store/types.js';
import { settleJournal } from '../reconcile/settle-journal.js';
import type { InstalledRepository } from './installations.js';

/**
 * Webhooks are hints and some get lost. The sweep looks with fresh eyes: every queue with
 * entries or pending requests is reconciled, and (on every sweep by default) every installed
 * repository is searched for labeled PRs nobody recorded (a `labeled` webhook that never
 * arrived, or arrived while the app was down) — so a lost webhook costs one sweep interval at
 * most, never a stuck PR. That search is one `pulls/list` per repository and queued base,
 * plus the installation listings; only a labeled PR nobody recorded costs more (who labeled it).
 */
export async function sweep(runtime: SluiceRuntime, options: { discover: boolean }): Promise<void> {
  const queues = await knownQueues(runtime);
  if (options.discover) {
    const repos = await runtime.installations
      .listInstalledRepositories()
      .catch(logged(runtime, []));
    for (const repo of repos)
      await discoverLabeled(runtime, repo, queues).catch(logged(runtime, undefined));
  }
  const current = await knownQueues(runtime);
  for (const repo of new Set(current.map((q) => q.repo))) {
    const deps = await runtime.deps(repo).catch(logged(runtime, undefined));
    const settled = deps ? await settleJournal(deps).catch(logged(runtime, 0)) : 0;
    if (settled > 0)
      runtime.log.info({ repo, settled }, 'settled open journal rows by looking at GitHub');
  }
  for (const queue of current) {
    runtime.cache(queue.repo).clearForSweep();
    await runtime.reconcile(queue, 'sweep');
  }
}

export async function knownQueues(runtime: SluiceRuntime): Promise<QueueRef[]> {
  const all = [
    ...(await runtime.store.queue.listActiveQueues()),
    ...(await runtime.store.commands.listPendingQueues()),
    // A queue whose last PR merged has no entry left, but may still owe someone its outcome.
    ...(await runtime.store.outbox.listPendingQueues()),
  ];
  const seen = new Map(all.map((q) => [`${q.repo}:${q.base}`, q]));
  return [...seen.values()];
}

async function discoverLabeled(
  runtime: SluiceRuntime,
  { fullName: repo, defaultBranch }: InstalledRepository,
  queues: QueueRef[],
): Promise<void> {
  const deps = await runtime.deps(repo);
  const label = await queueLabelOf(runtime, repo);
  const bases = new Set([
    defaultBranch,
    ...queues.filter((q) => q.repo === repo).map((q) => q.base),
  ]);
  for (const base of bases) {
    const pending = new Set(
      (await runtime.store.commands.listPending({ repo, base })).map((c) => c.number),
    );
    for (const pull of await deps.github.listLabeledPulls(base, label)) {
      if (
        pending.has(pull.number) ||
        (await runtime.store.queue.findActive({ repo, number: pull.number }))
      )
        continue;
      const by = await deps.github.labeledBy(pull.number, label);
      if (!by) continue;
      await runtime.store.commands.record({
        repo,
        base,
        number: pull.number,
        kind: 'queue',
        requestedBy: by,
        source: 'label',
        now: runtime.now(),
      });
      runtime.log.info(
        { repo, pr: pull.number, by },
        'found a labeled PR no webhook told us about',
      );
    }
  }
}

function logged<T>(runtime: SluiceRuntime, fallback: T): (error: unknown) => T {
  return (error) => {
    runtime.log.warn({ err: error }, 'sweep step failed; the next sweep retries');
    return fallback;
  };
}
