import type { StagingRecord } from '../../store/types.js';
import { journaled } from '../journal.js';
import type { ApplyContext, Applied } from './context.js';

const minute = 60_000;

/**
 * The staging's commits exist: record them and push the tip to its branch, where CI tests it.
 * A tip whose tree already failed (the same content, staged before) is not pushed: it is
 * judged by those verdicts, and no runner spends ten minutes relearning them.
 */
export async function pushStaging(
  ctx: ApplyContext,
  record: StagingRecord,
  tip: { sha: string; tree: string; commits: { number: number; commitSha: string }[] },
): Promise<Applied> {
  const { deps, queue, config, observation } = ctx;
  const knownToFail = observation.failedTrees.has(tip.tree);
  if (!knownToFail) {
    const pushed = await push(ctx, record, tip.sha);
    if (pushed !== 'ok') {
      await deps.store.staging.update({
        id: record.id,
        now: deps.now(),
        changes: { state: 'abandoned' },
      });
      return 'stale';
    }
  }
  const now = deps.now();
  await deps.store.staging.update({
    id: record.id,
    now,
    changes: {
      state: 'testing',
      commitSha: tip.sha,
      treeSha: tip.tree,
      prCommits: tip.commits,
      checksStartDeadline: new Date(now.getTime() + config.checks.startTimeoutMinutes * minute),
    },
  });
  for (const member of record.prs) {
    await deps.store.queue.update({
      entryId: member.entryId,
      now,
      changes: { state: 'testing' },
      event: {
        kind: 'staged',
        detail: { staging: tip.sha, base: record.baseSha, probe: record.probe },
      },
    });
    await deps.store.attempts.start({ entryId: member.entryId, stagingId: record.id, now });
  }
  deps.log.info(
    {
      repo: queue.repo,
      prs: record.prs.map((p) => p.number),
      staging: tip.sha,
      on: record.baseSha,
      probe: record.probe,
      knownToFail,
    },
    knownToFail ? 'staging has a tree that failed before: not pushed' : 'staging pushed',
  );
  return 'done';
}

/**
 * Force-pushes the staging branch (it may hold an older staging). A branch from before
 * batches, `sluice/staging/main` without a place in line, is in the way of the
 * `sluice/staging/main/1` folder git needs: it is removed once, then the push is tried again.
 */
async function push(
  ctx: ApplyContext,
  record: StagingRecord,
  sha: string,
): Promise<'ok' | 'failed'> {
  const { deps } = ctx;
  const write = (key: string) =>
    journaled(
      deps,
      {
        kind: 'update-ref',
        target: `refs/heads/${record.ref}`,
        expectedOld: null,
        newValue: sha,
        stagingId: record.id,
        key,
      },
      () => deps.github.setBranch(record.ref, sha, { force: true }),
      (r) => (r.kind === 'ok' ? 'done' : r.kind === 'unknown' ? 'unknown' : 'failed'),
    );
  const first = await write(`staging:${record.id}`);
  if (first.kind === 'ok') return 'ok';
  const legacy = record.ref.replace(/\/\d+$/, '');
  // Rejected, or no answer: either way a force push of the same commit is safe to repeat.
  if (first.kind === 'missing' || legacy === record.ref) return 'failed';
  const removed = await deps.github.deleteBranch(legacy);
  if (removed.kind !== 'ok') return 'failed';
  deps.log.info(
    { repo: ctx.queue.repo, branch: legacy },
    'removed the staging branch from before batches',
  );
  return (await write(`staging:${record.id}:after-legacy`)).kind === 'ok' ? 'ok' : 'failed';
}
