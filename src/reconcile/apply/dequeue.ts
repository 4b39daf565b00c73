import type { Effect } from '../../queue/effects.js';
import { renderDequeuedCheckRun, renderDequeuedComment } from '../../messages/index.js';
import { writeCheckRun } from '../check-runs.js';
import type { ApplyContext, Applied } from './context.js';
import { toJson } from '../journal.js';

type Dequeue = Extract<Effect, { kind: 'dequeue' }>;

/** Ends the entry, says why (check run; a comment for outcomes people must act on), fixes labels. */
export async function applyDequeue(
  { deps, queue, config, messages }: ApplyContext,
  effect: Dequeue,
): Promise<Applied> {
  const failureClass =
    effect.reason.kind === 'checks-failed' || effect.reason.kind === 'blocked'
      ? (effect.reason.verdicts[0]?.class ?? null)
      : effect.reason.kind === 'conflict'
        ? 'conflict'
        : null;
  await deps.store.queue.update({
    entryId: Number(effect.entryId),
    now: deps.now(),
    changes: {
      state: 'dequeued',
      endReason: effect.reason.kind,
      consecutiveFailures: effect.consecutiveFailures,
      ...(failureClass ? { lastFailureClass: failureClass } : {}),
    },
    event: { kind: 'dequeued', detail: toJson(effect.reason) },
  });
  const attempt = (await deps.store.attempts.listForEntry(Number(effect.entryId))).find(
    (a) => a.outcome === 'running',
  );
  if (attempt) {
    const verdicts =
      effect.reason.kind === 'checks-failed' || effect.reason.kind === 'blocked'
        ? effect.reason.verdicts
        : [];
    await deps.store.attempts.finish({
      attemptId: attempt.id,
      now: deps.now(),
      outcome: failureClass ? 'failed' : 'cancelled',
      ...(failureClass ? { failureClass } : {}),
      evidence: toJson(verdicts),
    });
  }
  if (effect.removeLabel) await deps.github.removeLabel(effect.pr, config.queue.label);
  if (effect.addLabels.length > 0) await deps.github.addLabels(effect.pr, effect.addLabels);
  await writeCheckRun(
    deps,
    effect.pr,
    effect.headSha,
    renderDequeuedCheckRun(effect.reason, messages),
  );
  const comment = renderDequeuedComment(effect.reason, messages);
  if (comment) await deps.github.comment(effect.pr, comment);
  deps.cache.forgetPull(effect.pr);
  deps.log.info({ repo: queue.repo, pr: effect.pr, reason: effect.reason.kind }, 'dequeued');
  return 'done';
}
