import type { Effect } from '../../queue/effects.js';
import { renderPriorityComment, renderRefusedComment } from '../../messages/index.js';
import { deliverOutbox } from '../outbox/deliver-outbox.js';
import { noticeRows, type Notice } from '../outbox/notice.js';
import type { ApplyContext, Applied } from './context.js';

type Of<K extends Effect['kind']> = Extract<Effect, { kind: K }>;

export async function applyEnqueue(
  { deps, queue, observation, config }: ApplyContext,
  effect: Of<'enqueue'>,
): Promise<Applied> {
  const streak = observation.snapshot.failureStreaks[effect.pr];
  // The queue label is the visible state of being queued: queued by `/sluice queue` or a
  // button, the PR gets it too (and taking it off dequeues, as for any queued PR).
  const labels = observation.pulls.get(effect.pr)?.pull.labels ?? [];
  const missing = [config.queue.label, config.labels.queued].filter(
    (l): l is string => typeof l === 'string' && !labels.includes(l),
  );
  await deps.store.transaction(async (store) => {
    const now = deps.now();
    await store.queue.enqueue({
      repo: queue.repo,
      base: queue.base,
      number: effect.pr,
      headSha: effect.headSha,
      queuedBy: effect.by,
      now,
      // Failures at this very head keep counting towards the block; a new head starts afresh.
      consecutiveFailures: streak?.headSha === effect.headSha ? streak.count : 0,
      priority: effect.priority,
      priorityLabel: effect.priorityLabel,
    });
    await store.commands.consume({ id: Number(effect.commandId), now });
    if (missing.length === 0) return;
    const cause = {
      pr: effect.pr,
      headSha: effect.headSha,
      cause: `command ${effect.commandId} queued`,
      entryId: null,
      key: `command:${effect.commandId}:queued`,
    };
    await store.outbox.record(
      noticeRows(queue, cause, [{ kind: 'add-labels', labels: missing }]),
      now,
    );
  });
  if (missing.length > 0) {
    deps.cache.forgetPull(effect.pr);
    await deliverOutbox(deps, queue);
  }
  deps.log.info({ repo: queue.repo, pr: effect.pr, by: effect.by }, 'queued');
  return 'done';
}

/** The request is consumed and the refusal recorded together, then told (through the outbox). */
export async function applyRefuse(
  { deps, queue, config, messages, observation }: ApplyContext,
  effect: Of<'refuse'>,
): Promise<Applied> {
  const notices: Notice[] = [
    ...(effect.removeLabel ? [{ kind: 'remove-label' as const, label: config.queue.label }] : []),
    { kind: 'comment', body: renderRefusedComment(effect.reason, messages) },
  ];
  const cause = {
    pr: effect.pr,
    headSha: observation.pulls.get(effect.pr)?.pull.headSha ?? '',
    cause: `command ${effect.commandId} refused (${effect.reason.kind})`,
    entryId: null,
    key: `command:${effect.commandId}:refused`,
  };
  await deps.store.transaction(async (store) => {
    const now = deps.now();
    await store.commands.consume({ id: Number(effect.commandId), now });
    await store.outbox.record(noticeRows(queue, cause, notices), now);
  });
  if (effect.removeLabel) deps.cache.forgetPull(effect.pr);
  await deliverOutbox(deps, queue);
  deps.log.info({ repo: queue.repo, pr: effect.pr, reason: effect.reason.kind }, 'refused');
  return 'done';
}

/**
 * A new priority: recorded as an event in the entry's history, the request (if any) consumed,
 * and its requester answered, all in one transaction. A label's change is not answered: the
 * label on the pull request says it.
 */
export async function applySetPriority(
  { deps, queue }: ApplyContext,
  effect: Of<'set-priority'>,
): Promise<Applied> {
  const { cause } = effect;
  await deps.store.transaction(async (store) => {
    const now = deps.now();
    await store.queue.update({
      entryId: Number(effect.entryId),
      now,
      changes: { priority: effect.to, priorityLabel: effect.priorityLabel },
      event: { kind: 'priority', detail: { from: effect.from, to: effect.to, ...cause } },
    });
    if (cause.kind !== 'command') return;
    await store.commands.consume({ id: Number(cause.commandId), now });
    const answer = {
      pr: effect.pr,
      headSha: effect.headSha,
      cause: `command ${cause.commandId} set priority ${effect.to}`,
      entryId: Number(effect.entryId),
      key: `command:${cause.commandId}:priority`,
    };
    const body = renderPriorityComment({ by: cause.by, from: effect.from, to: effect.to });
    await store.outbox.record(noticeRows(queue, answer, [{ kind: 'comment', body }]), now);
  });
  if (cause.kind === 'command') await deliverOutbox(deps, queue);
  deps.log.info(
    { repo: queue.repo, pr: effect.pr, from: effect.from, to: effect.to, cause: cause.kind },
    'priority changed',
  );
  return 'done';
}

export async function applyDropCommand(
  { deps }: ApplyContext,
  effect: Of<'drop-command'>,
): Promise<Applied> {
  await deps.store.commands.consume({ id: Number(effect.commandId), now: deps.now() });
  return 'done';
}

export async function applyRetest(
  { deps }: ApplyContext,
  effect: Of<'retest-new-head'>,
): Promise<Applied> {
  await deps.store.queue.update({
    entryId: Number(effect.entryId),
    now: deps.now(),
    changes: { headSha: effect.headSha, state: 'queued' },
    event: { kind: 'retest-new-head', detail: { headSha: effect.headSha } },
  });
  return 'done';
}
