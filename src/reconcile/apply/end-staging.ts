import type { Effect } from '../../queue/effects.js';
import type { StagingChanges, StagingRecord } from '../../store/types.js';
import { toJson } from '../journal.js';
import { stagingRecord } from '../observe.js';
import type { ApplyContext, Applied } from './context.js';

type Abandon = Extract<Effect, { kind: 'abandon-staging' }>;
type Fail = Extract<Effect, { kind: 'fail-staging' }>;
type Clear = Extract<Effect, { kind: 'clear-probe' }>;

/** What will not land is dropped: its PRs wait for the next staging, its CI is cancelled. */
export async function applyAbandonStaging(ctx: ApplyContext, effect: Abandon): Promise<Applied> {
  const record = stagingRecord(ctx.observation, effect.stagingId);
  if (!record) return 'done';
  await endStaging(ctx, record, { state: 'abandoned' }, 'cancelled', effect.reason);
  if (effect.deleteBranch) await ctx.deps.github.deleteBranch(record.ref);
  return 'done';
}

/**
 * A staging failed for good. `wait`: it keeps its place, failed, until the stagings under it
 * pass. `reject`: it is over; its verdicts are kept, so the same tree is never tested again.
 */
export async function applyFailStaging(ctx: ApplyContext, effect: Fail): Promise<Applied> {
  const record = stagingRecord(ctx.observation, effect.stagingId);
  if (!record) return 'done';
  const verdicts = toJson(effect.verdicts);
  if (effect.outcome === 'wait') {
    await ctx.deps.store.staging.update({
      id: record.id,
      now: ctx.deps.now(),
      changes: { state: 'failed', verdicts },
    });
    return 'done';
  }
  await endStaging(ctx, record, { state: 'rejected', verdicts }, 'failed', 'rejected');
  return 'done';
}

/** A probe passed: its PRs are cleared to join the chain; whatever else it runs is not needed. */
export async function applyClearProbe(ctx: ApplyContext, effect: Clear): Promise<Applied> {
  const record = stagingRecord(ctx.observation, effect.stagingId);
  if (!record) return 'done';
  await endStaging(ctx, record, { state: 'cleared' }, 'passed', 'probe-passed');
  return 'done';
}

/**
 * Ends a staging record: its entries go back to waiting (unless another live staging holds
 * them, or they already left), their attempts end, and its CI runs are cancelled so the
 * runners go to work that can still land.
 */
async function endStaging(
  ctx: ApplyContext,
  record: StagingRecord,
  changes: StagingChanges,
  attemptOutcome: 'cancelled' | 'failed' | 'passed',
  reason: string,
): Promise<void> {
  const { deps, observation } = ctx;
  const now = deps.now();
  await deps.store.staging.update({ id: record.id, now, changes });
  ctx.endedBranches.add(record.ref);
  const elsewhere = new Set(
    observation.stagings
      .filter((r) => r.id !== record.id)
      .flatMap((r) => r.prs.map((p) => p.entryId)),
  );
  for (const member of record.prs) {
    const entry = await deps.store.queue.get(member.entryId);
    if (
      !elsewhere.has(member.entryId) &&
      (entry?.state === 'testing' || entry?.state === 'landing')
    )
      await deps.store.queue.update({
        entryId: member.entryId,
        now,
        changes: { state: 'queued' },
        event: { kind: 'staging-ended', detail: { staging: record.id, reason } },
      });
    const attempt = (await deps.store.attempts.listForEntry(member.entryId)).find(
      (a) => a.outcome === 'running' && a.stagingId === record.id,
    );
    if (attempt)
      await deps.store.attempts.finish({ attemptId: attempt.id, now, outcome: attemptOutcome });
  }
  if (record.commitSha && !ciFinished(ctx, record)) await cancelRuns(ctx, record.commitSha);
}

/**
 * Every check seen on the staging's tip has completed: there is nothing to cancel, so the runs
 * are not listed (most stagings end that way: cleared probes, rejected halves). A tip with no
 * check seen yet may have runs starting, and is listed.
 */
function ciFinished(ctx: ApplyContext, record: StagingRecord): boolean {
  const staging = ctx.observation.snapshot.stagings.find((s) => s.id === String(record.id));
  const checks = staging?.checks ?? [];
  return checks.length > 0 && checks.every((c) => c.state === 'completed');
}

/** Best effort: a run that cannot be cancelled finishes on its own and is ignored. */
export async function cancelRuns(ctx: ApplyContext, sha: string): Promise<void> {
  try {
    const result = await ctx.deps.github.cancelRunsFor(sha);
    if (result.failed.length > 0)
      ctx.deps.log.warn(
        { repo: ctx.queue.repo, sha, failed: result.failed },
        'some CI runs could not be cancelled',
      );
  } catch (error) {
    ctx.deps.log.warn(
      { repo: ctx.queue.repo, sha, err: error },
      'could not list CI runs to cancel',
    );
  }
}
