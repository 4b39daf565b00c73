import type { Effect } from '../../queue/effects.js';
import type { RefWrite } from '../../github/port.js';
import { journaled, type JournalStatus } from '../journal.js';
import type { ApplyContext, Applied } from './context.js';

type Land = Extract<Effect, { kind: 'land' }>;

const refStatus = (r: RefWrite): JournalStatus =>
  r.kind === 'ok' ? 'done' : r.kind === 'unknown' ? 'unknown' : 'failed';

/**
 * Lands exactly the commit CI tested. Everything is re-read first: the PR must still be open,
 * labeled and at the tested head, and the base still at the staging commit's parent.
 */
export async function applyLand(ctx: ApplyContext, effect: Land): Promise<Applied> {
  const { deps, config } = ctx;
  const { staging } = effect;
  const member = staging.prs[0]!;
  const details = await deps.github.getPull(member.pr);
  if (details) deps.cache.rememberPull(details);
  const headOk = details?.pull.headSha === member.headSha || details?.pull.headSha === staging.sha;
  if (
    !details ||
    details.pull.state !== 'open' ||
    !details.pull.labels.includes(config.queue.label) ||
    !headOk
  )
    return 'stale';
  if (details.baseSha !== staging.baseSha) return 'stale';
  await markLanding(ctx, staging.id, member.pr);
  return effect.method === 'fast-forward'
    ? fastForward(ctx, effect, details.pull)
    : mergeApi(ctx, effect, details.pull.headSha);
}

async function markLanding(ctx: ApplyContext, stagingId: string, pr: number): Promise<void> {
  const { deps } = ctx;
  await deps.store.staging.update({
    id: Number(stagingId),
    now: deps.now(),
    changes: { state: 'landing' },
  });
  const entry = ctx.observation.snapshot.entries.find((e) => e.pr === pr);
  if (entry)
    await deps.store.queue.update({
      entryId: Number(entry.id),
      now: deps.now(),
      changes: { state: 'landing' },
      event: { kind: 'landing' },
    });
}

/**
 * Fast-forward landing: move the PR head to S (so GitHub sees the head reachable from base and
 * marks the PR merged), then fast-forward the base to S. `force: false` on the base makes the
 * second write a compare-and-swap: if the base moved, it fails and the head is put back.
 */
async function fastForward(
  ctx: ApplyContext,
  effect: Land,
  pull: { headRef: string; headRepo: string | null; headSha: string },
): Promise<Applied> {
  const { deps, queue } = ctx;
  const { staging } = effect;
  const ownRepo = pull.headRepo === queue.repo;
  const moveHead = (sha: string) =>
    ownRepo
      ? deps.github.setBranch(pull.headRef, sha, { force: true })
      : deps.github.setBranchIn(pull.headRepo ?? '', pull.headRef, sha, { force: true });
  const originalHead = staging.prs[0]!.headSha;
  if (pull.headSha !== staging.sha) {
    const head = await journaled(
      deps,
      {
        kind: 'update-ref',
        target: `${pull.headRepo}:refs/heads/${pull.headRef}`,
        expectedOld: pull.headSha,
        newValue: staging.sha,
        stagingId: Number(staging.id),
        key: `land-head:${staging.id}`,
      },
      () => moveHead(staging.sha),
      refStatus,
    );
    if (head.kind === 'rejected' || head.kind === 'missing')
      return landFailed(
        ctx,
        staging.id,
        `the head branch ${pull.headRef} could not be moved to the tested commit (${head.kind === 'missing' ? 'it no longer exists' : head.message})`,
      );
    if (head.kind !== 'ok') return 'stale';
  }
  const base = await journaled(
    deps,
    {
      kind: 'update-ref',
      target: `refs/heads/${queue.base}`,
      expectedOld: staging.baseSha,
      newValue: staging.sha,
      stagingId: Number(staging.id),
      key: `land-base:${staging.id}`,
    },
    () => deps.github.setBranch(queue.base, staging.sha, { force: false }),
    refStatus,
  );
  if (base.kind === 'ok') return landed(ctx, staging.sha);
  if (base.kind === 'unknown') return 'stale'; // the next observation tells whether the base moved to S
  // The base moved on: put the contributor's head back where it was; the queue rebuilds.
  await journaled(
    deps,
    {
      kind: 'update-ref',
      target: `${pull.headRepo}:refs/heads/${pull.headRef}`,
      expectedOld: staging.sha,
      newValue: originalHead,
      stagingId: Number(staging.id),
      key: `restore-head:${staging.id}`,
    },
    () => moveHead(originalHead),
    refStatus,
  );
  await deps.store.staging.update({
    id: Number(staging.id),
    now: deps.now(),
    changes: { state: 'testing' },
  });
  return 'stale';
}

/**
 * Merge-API landing, for heads Sluice cannot write: GitHub builds its own squash, pinned to the
 * tested head. It must come out with exactly the tested tree; if not, say so loudly.
 */
async function mergeApi(ctx: ApplyContext, effect: Land, headSha: string): Promise<Applied> {
  const { deps } = ctx;
  const { staging } = effect;
  const tested = await deps.github.getCommit(staging.sha);
  const [title = '', ...rest] = tested.message.split('\n');
  const result = await journaled(
    deps,
    {
      kind: 'merge-pr',
      target: `pr#${staging.prs[0]!.pr}`,
      expectedOld: headSha,
      newValue: tested.tree,
      stagingId: Number(staging.id),
      key: `merge:${staging.id}`,
    },
    () =>
      deps.github.mergePull(staging.prs[0]!.pr, {
        sha: headSha,
        title,
        message: rest.join('\n').trim(),
      }),
    (r) => (r.kind === 'merged' ? 'done' : r.kind === 'unknown' ? 'unknown' : 'failed'),
  );
  switch (result.kind) {
    case 'merged': {
      const landedCommit = await deps.github.getCommit(result.sha);
      if (landedCommit.tree !== staging.treeSha) {
        deps.log.error(
          { repo: ctx.queue.repo, pr: staging.prs[0]!.pr, landed: result.sha, tested: staging.sha },
          'the merge API landed a tree that differs from the tested one',
        );
      }
      return landed(ctx, result.sha);
    }
    case 'unknown':
      // A lost answer: the next observation shows whether the PR merged. Never merge again blind.
      return 'stale';
    case 'head-moved':
      return 'stale';
    case 'not-mergeable':
      // GitHub says this when the base moved between its read and its write: look again (the
      // next observation rebuilds if the base really moved). Any other 405 is a refusal.
      if (/base branch was modified/i.test(result.message)) return 'stale';
      return landFailed(ctx, staging.id, `GitHub refused the merge: ${result.message}`);
    case 'refused':
      // If the base moved, the next observation rebuilds before it looks at this failure.
      return landFailed(ctx, staging.id, `GitHub refused the merge: ${result.message}`);
  }
}

async function landFailed(ctx: ApplyContext, stagingId: string, reason: string): Promise<Applied> {
  await ctx.deps.store.staging.update({
    id: Number(stagingId),
    now: ctx.deps.now(),
    changes: { failure: { kind: 'land', reason } },
  });
  return 'stale';
}

function landed(ctx: ApplyContext, sha: string): Applied {
  const { cache } = ctx.deps;
  const staging = ctx.observation.snapshot.staging;
  const pr = staging?.prs[0]?.pr ?? -1;
  const cached = cache.pull(pr);
  // We moved the head and the base ourselves: no need to read back what we just wrote (the
  // next reconcile reads the PR afresh if GitHub says anything else through a webhook).
  if (cached && staging)
    cache.rememberPull({ ...cached, pull: { ...cached.pull, headSha: staging.sha } });
  else cache.forgetPull(pr);
  cache.rememberBase(ctx.queue.base, sha);
  ctx.deps.log.info({ repo: ctx.queue.repo, base: ctx.queue.base, sha }, 'landed');
  return 'stale';
}
