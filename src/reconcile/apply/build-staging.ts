import { formatMergeMessage } from '../../merge-subject/index.js';
import type { Effect } from '../../queue/effects.js';
import type { StagingView } from '../../github/port.js';
import type { StagingRecord } from '../../store/types.js';
import { journaled } from '../journal.js';
import { scratchBranch, stagingBranch } from '../message-context.js';
import type { ApplyContext, Applied } from './context.js';

type Build = Extract<Effect, { kind: 'build-staging' }>;
const minute = 60_000;

/**
 * Builds the staging commit S: the merged tree of base + PR, one parent (the base tip), the
 * Sluice subject and trailers; pushes it to the staging branch, where CI tests exactly S.
 * The record is created first (`building`), so a crash mid-way leaves something recovery
 * can abandon instead of a branch nobody owns.
 */
export async function applyBuildStaging(ctx: ApplyContext, effect: Build): Promise<Applied> {
  const { deps, queue, config } = ctx;
  const [member] = effect.prs;
  if (!member || effect.prs.length > 1) throw new Error('batches are not built yet');
  const view = await freshView(ctx, member.pr);
  if (!view || view.pull.state !== 'open') return 'stale';
  const record = await deps.store.staging.create({
    ...queue,
    baseSha: view.baseSha,
    prs: [{ entryId: Number(member.entryId), number: member.pr, headSha: member.headSha }],
    ref: stagingBranch(config, queue.base),
    now: deps.now(),
  });
  if (view.pull.headSha !== member.headSha)
    return fail(ctx, record, { kind: 'head-moved', headSha: view.pull.headSha });
  if (view.mergeable === false) {
    const files = await deps.github.conflictCandidates(member.pr, view.baseSha);
    return fail(ctx, record, { kind: 'conflict', files });
  }
  const tree = await mergedTree(ctx, view);
  if (tree.kind === 'conflict')
    return fail(ctx, record, {
      kind: 'conflict',
      files: await deps.github.conflictCandidates(member.pr, view.baseSha),
    });
  if (tree.kind === 'unknown') return abandon(ctx, record, 'stale');
  const message = mergeMessage(ctx, view);
  const commit = await deps.github.createCommit({
    tree: tree.treeSha,
    parents: [view.baseSha],
    message,
  });
  deps.cache.rememberCommitMessage(commit.sha, message);
  const branch = stagingBranch(config, queue.base);
  const pushed = await journaled(
    deps,
    {
      kind: 'update-ref',
      target: `refs/heads/${branch}`,
      expectedOld: null,
      newValue: commit.sha,
      stagingId: record.id,
      key: `staging:${record.id}`,
    },
    () => deps.github.setBranch(branch, commit.sha, { force: true }),
    (r) => (r.kind === 'ok' ? 'done' : r.kind === 'unknown' ? 'unknown' : 'failed'),
  );
  if (pushed.kind !== 'ok') return abandon(ctx, record, 'stale');
  const now = deps.now();
  await deps.store.staging.update({
    id: record.id,
    now,
    changes: {
      state: 'testing',
      commitSha: commit.sha,
      treeSha: tree.treeSha,
      checksStartDeadline: new Date(now.getTime() + config.checks.startTimeoutMinutes * minute),
    },
  });
  await deps.store.queue.update({
    entryId: Number(member.entryId),
    now,
    changes: { state: 'testing' },
    event: { kind: 'staged', detail: { staging: commit.sha, base: view.baseSha } },
  });
  await deps.store.attempts.start({ entryId: Number(member.entryId), stagingId: record.id, now });
  deps.log.info(
    { repo: queue.repo, pr: member.pr, staging: commit.sha, base: view.baseSha },
    'staging commit pushed',
  );
  return 'done';
}

/**
 * The PR as GitHub sees it now, in one read with its test merge and authors, waiting (briefly)
 * for GitHub to compute mergeability. Always read afresh: the test merge must be of this base.
 */
async function freshView(ctx: ApplyContext, number: number): Promise<StagingView | undefined> {
  const { deps } = ctx;
  let view = await deps.github.stagingView(number);
  for (const wait of deps.settings.mergeabilityPollMs) {
    if (!view || view.mergeable !== null) break;
    await deps.sleep(wait);
    view = await deps.github.stagingView(number);
  }
  if (view) deps.cache.rememberPull(view);
  return view;
}

/**
 * GitHub's own test merge (`merge_commit_sha`) is base+head merged, when it was computed on
 * this very base; otherwise GitHub merges on a scratch branch. Either way GitHub computes the
 * tree: there is no server-side merge in the git data API.
 */
async function mergedTree(
  ctx: ApplyContext,
  view: StagingView,
): ReturnType<ApplyContext['deps']['github']['mergeTree']> {
  const { deps, config, queue } = ctx;
  const { testMerge } = view;
  if (testMerge?.parents[0] === view.baseSha && testMerge.parents[1] === view.pull.headSha)
    return { kind: 'clean', treeSha: testMerge.tree };
  return deps.github.mergeTree(
    view.baseSha,
    [view.pull.headSha],
    scratchBranch(config, queue.base),
  );
}

function mergeMessage(ctx: ApplyContext, view: StagingView): string {
  const { config } = ctx;
  const { pull } = view;
  const coAuthors = config.mergeMessage.coAuthors ? view.commitAuthors : [];
  const body = config.mergeMessage.body;
  return formatMergeMessage({
    template: config.mergeMessage.subject,
    pr: {
      number: pull.number,
      title: pull.title,
      body: body.includePrBody ? pull.body : '',
      author: { login: pull.author },
      coAuthors,
      base: pull.baseRef,
    },
    stripHtmlComments: body.stripHtmlComments,
    cutMarkers: body.cutMarker ? [body.cutMarker] : [],
    trailers: config.mergeMessage.trailers ? {} : false,
  }).message;
}

async function fail(
  ctx: ApplyContext,
  record: StagingRecord,
  failure: { kind: 'conflict'; files: string[] } | { kind: 'head-moved'; headSha: string },
): Promise<Applied> {
  await ctx.deps.store.staging.update({
    id: record.id,
    now: ctx.deps.now(),
    changes: { state: 'failed', failure },
  });
  ctx.deps.cache.forgetPull(record.prs[0]!.number);
  return 'done';
}

async function abandon(
  ctx: ApplyContext,
  record: StagingRecord,
  result: Applied,
): Promise<Applied> {
  await ctx.deps.store.staging.update({
    id: record.id,
    now: ctx.deps.now(),
    changes: { state: 'abandoned' },
  });
  return result;
}
