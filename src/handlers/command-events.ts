import type { SluiceRuntime } from '../runtime/sluice-runtime.js';
import { pullNumberOfExternalId } from '../reconcile/outbox/check-run-external-id.js';
import { queueActionIds } from '../messages/index.js';
import { isOwnEvent, recordCommand } from './queue-events.js';
import { parseCommand } from './parse-command.js';
import type { CheckRunEvent, IssueCommentEvent } from './payloads.js';

/** `/sluice …` in a PR comment: a request from the commenter (permission is checked when decided). */
export async function onIssueComment(
  runtime: SluiceRuntime,
  event: IssueCommentEvent,
): Promise<void> {
  if (event.action !== 'created' || !event.issue.pull_request || isOwnEvent(runtime, event.sender))
    return;
  const kind = parseCommand(event.comment.body);
  if (!kind) return;
  const repo = event.repository.full_name;
  const deps = await runtime.deps(repo);
  const details = await deps.github.getPull(event.issue.number);
  if (!details) return;
  await recordCommand(runtime, {
    repo,
    base: details.pull.baseRef,
    number: event.issue.number,
    kind,
    by: event.sender.login,
    source: 'comment',
  });
}

/** The Dequeue and Retry buttons of our check run. GitHub sends these only to the owning app. */
export async function onRequestedAction(
  runtime: SluiceRuntime,
  event: CheckRunEvent,
): Promise<void> {
  const identifier = event.requested_action?.identifier;
  const kind =
    identifier === queueActionIds.dequeue
      ? 'dequeue'
      : identifier === queueActionIds.retry
        ? 'retry'
        : undefined;
  const number = pullNumberOfExternalId(event.check_run.external_id);
  if (!kind || number === undefined) return;
  const repo = event.repository.full_name;
  const deps = await runtime.deps(repo);
  const details = await deps.github.getPull(number);
  if (!details) return;
  await recordCommand(runtime, {
    repo,
    base: details.pull.baseRef,
    number,
    kind,
    by: event.sender.login,
    source: 'button',
  });
}
