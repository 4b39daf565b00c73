import type { SluiceRuntime } from '../runtime/sluice-runtime.js';
import { pullNumberOfExternalId } from '../reconcile/outbox/check-run-external-id.js';
import {
  queueActionIds,
  renderHelpComment,
  renderUnknownCommandComment,
} from '../messages/index.js';
import { helpContext } from '../reconcile/message-context.js';
import { answerComment } from './answer-comment.js';
import { configOf, isOwnEvent, recordCommand } from './queue-events.js';
import { parseCommand } from './parse-command.js';
import type { CheckRunEvent, IssueCommentEvent } from './payloads.js';

/**
 * `/sluice …` in a PR comment: a request from the commenter (permission is checked when
 * decided), or a question answered at once (`/sluice help`, a command mistyped). Only new
 * comments count: an edited one is not read again, so an old comment never acts twice.
 */
export async function onIssueComment(
  runtime: SluiceRuntime,
  event: IssueCommentEvent,
): Promise<void> {
  if (event.action !== 'created' || !event.issue.pull_request || isOwnEvent(runtime, event.sender))
    return;
  const parsed = parseCommand(event.comment.body);
  if (!parsed) return;
  const repo = event.repository.full_name;
  const number = event.issue.number;
  const deps = await runtime.deps(repo);
  const details = await deps.github.getPull(number);
  if (!details) return;
  const base = details.pull.baseRef;
  const answer = { repo, base, number, commentId: event.comment.id, by: event.sender.login };
  switch (parsed.kind) {
    case 'request':
      return recordCommand(runtime, {
        repo,
        base,
        number,
        kind: parsed.command,
        ...(parsed.priority ? { priority: parsed.priority } : {}),
        by: event.sender.login,
        source: 'comment',
      });
    case 'help': {
      const body = renderHelpComment(helpContext(await configOf(runtime, repo)));
      return answerComment(runtime, { ...answer, about: 'help', body });
    }
    case 'unknown': {
      const body = renderUnknownCommandComment(parsed.written, parsed.suggestion);
      return answerComment(runtime, { ...answer, about: 'unknown', body });
    }
  }
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
