import type { Effect } from '../../queue/effects.js';
import { renderRefusedComment } from '../../messages/index.js';
import type { ApplyContext, Applied } from './context.js';

type Of<K extends Effect['kind']> = Extract<Effect, { kind: K }>;

export async function applyEnqueue(
  { deps, queue, observation, config }: ApplyContext,
  effect: Of<'enqueue'>,
): Promise<Applied> {
  const streak = observation.snapshot.failureStreaks[effect.pr];
  await deps.store.queue.enqueue({
    repo: queue.repo,
    base: queue.base,
    number: effect.pr,
    headSha: effect.headSha,
    queuedBy: effect.by,
    now: deps.now(),
    // Failures at this very head keep counting towards the block; a new head starts afresh.
    consecutiveFailures: streak?.headSha === effect.headSha ? streak.count : 0,
  });
  await deps.store.commands.consume({ id: Number(effect.commandId), now: deps.now() });
  // The queue label is the visible state of being queued: queued by `/sluice queue` or a
  // button, the PR gets it too (and taking it off dequeues, as for any queued PR).
  const labels = observation.pulls.get(effect.pr)?.pull.labels ?? [];
  const missing = [config.queue.label, config.labels.queued].filter(
    (l): l is string => typeof l === 'string' && !labels.includes(l),
  );
  if (missing.length > 0) {
    await deps.github.addLabels(effect.pr, missing);
    deps.cache.forgetPull(effect.pr);
  }
  deps.log.info({ repo: queue.repo, pr: effect.pr, by: effect.by }, 'queued');
  return 'done';
}

export async function applyRefuse(
  { deps, queue, config, messages }: ApplyContext,
  effect: Of<'refuse'>,
): Promise<Applied> {
  await deps.store.commands.consume({ id: Number(effect.commandId), now: deps.now() });
  if (effect.removeLabel) await deps.github.removeLabel(effect.pr, config.queue.label);
  await deps.github.comment(effect.pr, renderRefusedComment(effect.reason, messages));
  deps.log.info({ repo: queue.repo, pr: effect.pr, reason: effect.reason.kind }, 'refused');
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
