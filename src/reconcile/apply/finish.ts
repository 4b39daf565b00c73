import type { Effect } from '../../queue/effects.js';
import { renderMergedCheckRun, renderMergedComment } from '../../messages/index.js';
import { writeCheckRun } from '../check-runs.js';
import type { ApplyContext, Applied } from './context.js';

type Finish = Extract<Effect, { kind: 'finish-merged' }>;
type Abandon = Extract<Effect, { kind: 'abandon-staging' }>;

/** The PR is merged: close the books, take the queue label off, say where it landed. */
export async function applyFinishMerged(ctx: ApplyContext, effect: Finish): Promise<Applied> {
  const { deps, config, queue, observation } = ctx;
  const now = deps.now();
  await deps.store.queue.update({
    entryId: Number(effect.entryId),
    now,
    changes: { state: 'merged', endReason: 'merged', consecutiveFailures: 0 },
    event: { kind: 'merged', detail: { staging: effect.stagingSha } },
  });
  const record = observation.staging;
  if (record && effect.stagingSha !== null && record.prs.some((p) => p.number === effect.pr)) {
    await deps.store.staging.update({ id: record.id, now, changes: { state: 'landed' } });
    const attempt = (await deps.store.attempts.listForEntry(Number(effect.entryId))).find(
      (a) => a.outcome === 'running',
    );
    if (attempt)
      await deps.store.attempts.finish({ attemptId: attempt.id, now, outcome: 'passed' });
    await recordFlakes(ctx, record.id, effect.stagingSha);
  }
  const pull = observation.pulls.get(effect.pr)?.pull;
  if (pull?.labels.includes(config.queue.label) ?? true)
    await deps.github.removeLabel(effect.pr, config.queue.label);
  if (config.labels.merged) await deps.github.addLabels(effect.pr, [config.labels.merged]);
  const message = effect.stagingSha
    ? (deps.cache.commitMessage(effect.stagingSha) ??
      (await deps.github.getCommit(effect.stagingSha)).message)
    : undefined;
  const subject = message?.split('\n')[0] ?? null;
  const facts = {
    pr: effect.pr,
    stagingSha: effect.stagingSha,
    baseBranch: queue.base,
    subject,
    ...(ctx.messages.repoUrl ? { repoUrl: ctx.messages.repoUrl } : {}),
  };
  await writeCheckRun(deps, effect.pr, effect.headSha, renderMergedCheckRun(facts));
  await deps.github.comment(effect.pr, renderMergedComment(facts));
  deps.cache.forgetPull(effect.pr);
  return 'done';
}

/** The staging commit will not land: free its entries for the next build, maybe delete the branch. */
export async function applyAbandonStaging(ctx: ApplyContext, effect: Abandon): Promise<Applied> {
  const { deps, observation } = ctx;
  const record = observation.staging;
  if (!record || String(record.id) !== effect.stagingId) return 'done';
  const now = deps.now();
  await deps.store.staging.update({ id: record.id, now, changes: { state: 'abandoned' } });
  for (const member of record.prs) {
    const entry = await deps.store.queue.get(member.entryId);
    if (entry?.state === 'testing' || entry?.state === 'landing') {
      await deps.store.queue.update({
        entryId: entry.id,
        now,
        changes: { state: 'queued' },
        event: { kind: 'staging-abandoned', detail: { reason: effect.reason } },
      });
    }
    const attempt = (await deps.store.attempts.listForEntry(member.entryId)).find(
      (a) => a.outcome === 'running',
    );
    if (attempt)
      await deps.store.attempts.finish({ attemptId: attempt.id, now, outcome: 'cancelled' });
  }
  if (effect.deleteBranch) await deps.github.deleteBranch(record.ref);
  return 'done';
}

/** Failures that a re-run of the same commit turned green were flakes: remember where they strike. */
async function recordFlakes(ctx: ApplyContext, stagingId: number, sha: string): Promise<void> {
  const { deps, queue } = ctx;
  for (const verdict of await deps.store.verdicts.listForStaging(stagingId)) {
    if (verdict.rerunAt === null) continue;
    const detail = verdict.verdict as { job?: string | null; signature?: string | null } | null;
    await deps.store.flakes.record({
      repo: queue.repo,
      job: detail?.job ?? verdict.checkName,
      signature: detail?.signature ?? verdict.class,
      sha,
      now: deps.now(),
    });
  }
}
