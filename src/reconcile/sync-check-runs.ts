import { describeQueue, settledStatus, type EntryView } from '../queue/describe-queue.js';
import { renderEntryCheckRun } from '../messages/index.js';
import { deliverOutbox } from './outbox/deliver-outbox.js';
import { fingerprintOf } from './outbox/notice.js';
import { recordCheckRun } from './outbox/record-check-run.js';
import { messageContext } from './message-context.js';
import type { Observation } from './observe.js';
import type { ReconcileDeps } from './types.js';

/**
 * Brings every active entry's `Sluice` check run up to date with the snapshot — and, while the
 * config is broken, puts the config errors on every PR that asked to be queued. Each new
 * state goes through the outbox, like every other thing Sluice tells, and is delivered here.
 *
 * A run is rewritten when its entry's state changes, not when only its place in line does:
 * every landing moves every PR behind it, and rewriting them all would cost a request per
 * queued PR per landing (and a `check_run` webhook to every app on the repository). The place
 * a run shows is the one it had when last written, and it says so; links to checks that
 * started since are added at the next write.
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
  // Links to checks that started running are shown when the run is written, not a reason to.
  const { checkUrls: _links, stagingCheckUrls: _stagingLinks, ...settledContext } = context;
  for (const view of views)
    await recordCheckRun(deps, queue, {
      pr: view.pr,
      headSha: view.headSha,
      render: renderEntryCheckRun(view, context),
      fingerprint: fingerprintOf(
        renderEntryCheckRun({ ...view, status: settledStatus(view.status) }, settledContext),
      ),
    });
  await deliverOutbox(deps, queue);
}
