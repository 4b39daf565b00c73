import type { Effect } from '../../queue/effects.js';
import { renderDequeuedCheckRun, renderDequeuedComment } from '../../messages/index.js';
import type { Store } from '../../store/types.js';
import { noticeRows, type Notice } from '../outbox/notice.js';
import type { ApplyContext, Applied } from './context.js';
import { toJson } from '../journal.js';

type Dequeue = Extract<Effect, { kind: 'dequeue' }>;

/**
 * Ends the entry, says why (check run; a comment for outcomes people must act on), fixes
 * labels. What it says is recorded in the same transaction as the entry's end, and delivered
 * once the pass's effects are applied: a crash in between tells it on the next pass, never
 * drops it.
 */
export async function applyDequeue(ctx: ApplyContext, effect: Dequeue): Promise<Applied> {
  const { deps, queue } = ctx;
  const failureClass =
    effect.reason.kind === 'checks-failed' || effect.reason.kind === 'blocked'
      ? (effect.reason.verdicts[0]?.class ?? null)
      : effect.reason.kind === 'conflict'
        ? 'conflict'
        : null;
  const entryId = Number(effect.entryId);
  await deps.store.transaction(async (store) => {
    const now = deps.now();
    await store.queue.update({
      entryId,
      now,
      changes: {
        state: 'dequeued',
        endReason: effect.reason.kind,
        consecutiveFailures: effect.consecutiveFailures,
        ...(failureClass ? { lastFailureClass: failureClass } : {}),
      },
      event: { kind: 'dequeued', detail: toJson(effect.reason) },
    });
    await finishAttempt(store, effect, failureClass, now);
    const cause = {
      pr: effect.pr,
      headSha: effect.headSha,
      cause: `entry ${entryId} dequeued (${effect.reason.kind})`,
      entryId,
      key: `entry:${entryId}:dequeued`,
    };
    await store.outbox.record(noticeRows(queue, cause, dequeueNotices(ctx, effect)), now);
  });
  deps.cache.forgetPull(effect.pr);
  deps.log.info({ repo: queue.repo, pr: effect.pr, reason: effect.reason.kind }, 'dequeued');
  return 'done';
}

function dequeueNotices({ config, messages }: ApplyContext, effect: Dequeue): Notice[] {
  const comment = renderDequeuedComment(effect.reason, messages);
  return [
    ...(effect.removeLabel ? [{ kind: 'remove-label' as const, label: config.queue.label }] : []),
    ...(effect.addLabels.length > 0
      ? [{ kind: 'add-labels' as const, labels: effect.addLabels }]
      : []),
    ...(effect.headSha === ''
      ? []
      : [{ kind: 'check-run' as const, render: renderDequeuedCheckRun(effect.reason, messages) }]),
    ...(comment ? [{ kind: 'comment' as const, body: comment }] : []),
  ];
}

async function finishAttempt(
  store: Store,
  effect: Dequeue,
  failureClass: string | null,
  now: Date,
): Promise<void> {
  const attempt = (await store.attempts.listForEntry(Number(effect.entryId))).find(
    (a) => a.outcome === 'running',
  );
  if (!attempt) return;
  const verdicts =
    effect.reason.kind === 'checks-failed' || effect.reason.kind === 'blocked'
      ? effect.reason.verdicts
      : [];
  await store.attempts.finish({
    attemptId: attempt.id,
    now,
    outcome: failureClass ? 'failed' : 'cancelled',
    ...(failureClass ? { failureClass } : {}),
    evidence: toJson(verdicts),
  });
}
