import { describeQueue, type EntryView } from '../queue/describe-queue.js';
import { renderEntryCheckRun } from '../messages/index.js';
import { deliverOutbox } from './outbox/deliver-outbox.js';
import { recordCheckRun } from './outbox/record-check-run.js';
import { messageContext } from './message-context.js';
import type { Observation } from './observe.js';
import type { ReconcileDeps } from './types.js';

/**
 * Brings every active entry's `Sluice` check run up to date with the snapshot — and, while the
 * config is broken, puts the config errors on every PR that asked to be queued. Each new
 * state goes through the outbox, like every other thing Sluice tells, and is delivered here.
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
  const queue = { repo: `${deps.github.owner}/${deps.github.repo}`, base: snapshot.baseBranch };
  for (const view of views)
    await recordCheckRun(deps, queue, {
      pr: view.pr,
      headSha: view.headSha,
      render: renderEntryCheckRun(view, context),
    });
  await deliverOutbox(deps, queue);
}
