import { describeQueue, type EntryView } from '../queue/describe-queue.js';
import { renderEntryCheckRun } from '../messages/index.js';
import { writeCheckRun } from './check-runs.js';
import { messageContext } from './message-context.js';
import type { Observation } from './observe.js';
import type { ReconcileDeps } from './types.js';

/**
 * Brings every active entry's `Sluice` check run up to date with the snapshot — and, while the
 * config is broken, puts the config errors on every PR that asked to be queued.
 */
export async function syncCheckRuns(deps: ReconcileDeps, observation: Observation): Promise<void> {
  const { snapshot } = observation;
  const config = snapshot.config.ok ? snapshot.config.config : undefined;
  const context = messageContext(snapshot, config);
  const views: EntryView[] = describeQueue(snapshot);
  if (!snapshot.config.ok) {
    const queued = new Set(views.map((v) => v.pr));
    for (const command of snapshot.commands) {
      const head = snapshot.pulls.find((p) => p.number === command.pr)?.headSha;
      if (head && !queued.has(command.pr))
        views.push({ pr: command.pr, headSha: head, status: { kind: 'config-broken' } });
      queued.add(command.pr);
    }
  }
  for (const view of views)
    await writeCheckRun(deps, view.pr, view.headSha, renderEntryCheckRun(view, context));
}
