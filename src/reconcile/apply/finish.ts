import type { Effect } from '../../queue/effects.js';
import { renderMergedCheckRun, renderMergedComment } from '../../messages/index.js';
import { noticeRows, type Notice } from '../outbox/notice.js';
import type { ApplyContext, Applied } from './context.js';

type Finish = Extract<Effect, { kind: 'finish-merged' }>;

/**
 * The PR is merged: close the books, take the queue label off, say where it landed (on the
 * `Sluice` check run, and in a comment when `landing.comment` asks for one). The entry's end
 * and what is told about it commit together; the pass delivers them once its effects are
 * applied (with the rest of a batch landing: one request for all its PRs' labels and runs).
 * A crash in between leaves them in the outbox for the next pass, never untold.
 */
export async function applyFinishMerged(ctx: ApplyContext, effect: Finish): Promise<Applied> {
  const { deps, queue, observation } = ctx;
  const entryId = Number(effect.entryId);
  const notices = await mergedNotices(ctx, effect);
  const record = observation.stagings.find((r) => r.prs.some((p) => p.number === effect.pr));
  const landedHere = record !== undefined && effect.stagingSha !== null;
  await deps.store.transaction(async (store) => {
    const now = deps.now();
    await store.queue.update({
      entryId,
      now,
      changes: { state: 'merged', endReason: 'merged', consecutiveFailures: 0 },
      event: { kind: 'merged', detail: { staging: effect.stagingSha } },
    });
    if (landedHere) {
      if (record.state !== 'landed')
        await store.staging.update({ id: record.id, now, changes: { state: 'landed' } });
      const attempt = (await store.attempts.listForEntry(entryId)).find(
        (a) => a.outcome === 'running',
      );
      if (attempt) await store.attempts.finish({ attemptId: attempt.id, now, outcome: 'passed' });
    }
    const cause = {
      pr: effect.pr,
      headSha: effect.headSha,
      cause: `entry ${entryId} merged`,
      entryId,
      key: `entry:${entryId}:merged`,
    };
    await store.outbox.record(noticeRows(queue, cause, notices), now);
  });
  if (landedHere) await recordFlakes(ctx, record.id, effect.stagingSha!);
  deps.cache.forgetPull(effect.pr);
  return 'done';
}

async function mergedNotices(ctx: ApplyContext, effect: Finish): Promise<Notice[]> {
  const { deps, config, queue, observation } = ctx;
  const message = effect.stagingSha
    ? (deps.cache.commitMessage(effect.stagingSha) ??
      (await deps.github.getCommit(effect.stagingSha)).message)
    : undefined;
  const facts = {
    pr: effect.pr,
    stagingSha: effect.stagingSha,
    baseBranch: queue.base,
    subject: message?.split('\n')[0] ?? null,
    ...(ctx.messages.repoUrl ? { repoUrl: ctx.messages.repoUrl } : {}),
  };
  const pull = observation.pulls.get(effect.pr)?.pull;
  const label = config.queue.label;
  return [
    ...((pull?.labels.includes(label) ?? true) ? [{ kind: 'remove-label' as const, label }] : []),
    ...(config.labels.merged
      ? [{ kind: 'add-labels' as const, labels: [config.labels.merged] }]
      : []),
    ...(effect.headSha === ''
      ? []
      : [{ kind: 'check-run' as const, render: renderMergedCheckRun(facts) }]),
    // The PR shows "Merged" and its check run names the commit: the comment only on request —
    // or when it was merged outside the queue, which its author may not expect.
    ...(config.landing.comment || !effect.stagingSha
      ? [{ kind: 'comment' as const, body: renderMergedComment(facts) }]
      : []),
  ];
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
