import type { Effect } from '../../queue/effects.js';
import type { BuildFailure } from '../../queue/types.js';
import type { StagingView } from '../../github/port.js';
import type { StagingRecord } from '../../store/types.js';
import { liveStagingStates } from '../../store/index.js';
import { stagingsUnder } from '../../queue/chain.js';
import { scratchBranch, stagingBranch } from '../message-context.js';
import type { ApplyContext, Applied } from './context.js';
import { mergeMessage } from './merge-message.js';
import { pushStaging } from './push-staging.js';

type Build = Extract<Effect, { kind: 'build-staging' }>;

/** What one PR's squash made: its commit and tree, or why there is none. */
type Squash =
  | { kind: 'made'; sha: string; tree: string }
  | { kind: 'failed'; failure: BuildFailure }
  | { kind: 'stale' };

/**
 * Builds a staging: each PR's squash (the merged tree of the commit below and its head, one
 * parent, the Sluice subject and trailers) on top of the previous one, starting on the base
 * tip or the tip of the staging ahead; then pushes the tip to its staging branch, where CI
 * tests exactly it. The record is created first (`building`), so a crash mid-way leaves
 * something recovery can abandon instead of a branch nobody owns. A PR that cannot be
 * squashed (it conflicts, its head moved, or it would change nothing) rejects the staging,
 * naming the PR and what it was built on; the next decision goes on without it.
 */
export async function applyBuildStaging(ctx: ApplyContext, effect: Build): Promise<Applied> {
  const { deps, queue, config } = ctx;
  const position = await freePosition(ctx);
  const record = await deps.store.staging.create({
    ...queue,
    baseSha: effect.baseSha,
    prs: effect.prs.map((m) => ({ entryId: Number(m.entryId), number: m.pr, headSha: m.headSha })),
    ref: stagingBranch(config, queue.base, position),
    position,
    probe: effect.probe,
    now: deps.now(),
  });
  const below = prsBelow(ctx, effect);
  let parent = { sha: effect.baseSha, tree: await treeOf(ctx, effect.baseSha) };
  const commits: { number: number; commitSha: string }[] = [];
  for (const member of effect.prs) {
    const squash = await squashOnto(ctx, member, parent);
    if (squash.kind === 'stale') return abandon(ctx, record);
    if (squash.kind === 'failed') {
      const onTopOf = await blamed(ctx, member, squash.failure, [
        ...below,
        ...commits.map((c) => c.number),
      ]);
      return reject(ctx, record, member.pr, squash.failure, onTopOf);
    }
    commits.push({ number: member.pr, commitSha: squash.sha });
    parent = { sha: squash.sha, tree: squash.tree };
  }
  return pushStaging(ctx, record, { sha: parent.sha, tree: parent.tree, commits });
}

/**
 * Who a failed squash is blamed on. Built on PRs ahead, an empty squash may be empty on the
 * base alone (someone pushed the same change): then it is the base's, and the PR leaves now
 * instead of waiting for PRs that have nothing to do with it.
 */
async function blamed(
  ctx: ApplyContext,
  member: Build['prs'][number],
  failure: BuildFailure,
  onTopOf: number[],
): Promise<number[]> {
  if (failure.kind !== 'empty' || onTopOf.length === 0) return onTopOf;
  const { deps, config, queue } = ctx;
  const base = ctx.observation.snapshot.baseSha;
  const onBase = await deps.github.mergeTree(
    base,
    [member.headSha],
    scratchBranch(config, queue.base),
  );
  return onBase.kind === 'clean' && onBase.treeSha === (await treeOf(ctx, base)) ? [] : onTopOf;
}

/**
 * The lowest branch number no live staging holds (`sluice/staging/main/1`, `/2`, …), read from
 * the store: this very pass may have ended the staging that held it.
 */
async function freePosition(ctx: ApplyContext): Promise<number> {
  const live = await ctx.deps.store.staging.list({ ...ctx.queue, states: liveStagingStates });
  const taken = new Set(live.map((r) => r.position));
  let position = 1;
  while (taken.has(position)) position++;
  return position;
}

/** PRs already in the commit the staging is built on: the chain under it. */
function prsBelow(ctx: ApplyContext, effect: Build): number[] {
  const live = ctx.observation.snapshot.stagings;
  const ahead = live.find((s) => s.id === effect.aheadId);
  if (!ahead) return [];
  return [...stagingsUnder(live, ahead), ahead].flatMap((s) => s.prs.map((p) => p.pr));
}

async function treeOf(ctx: ApplyContext, sha: string): Promise<string> {
  const { cache, github } = ctx.deps;
  const known =
    cache.commitTree(sha) ?? ctx.observation.snapshot.stagings.find((s) => s.sha === sha)?.treeSha;
  if (known) return known;
  const tree = (await github.getCommit(sha)).tree;
  cache.rememberCommitTree(sha, tree);
  return tree;
}

async function squashOnto(
  ctx: ApplyContext,
  member: Build['prs'][number],
  parent: { sha: string; tree: string },
): Promise<Squash> {
  const { deps, config, queue } = ctx;
  const view = await freshView(ctx, member.pr);
  if (!view || view.pull.state !== 'open') return { kind: 'stale' };
  if (view.pull.headSha !== member.headSha)
    return { kind: 'failed', failure: { kind: 'head-moved', headSha: view.pull.headSha } };
  const onBase = parent.sha === view.baseSha;
  if (onBase && view.mergeable === false) return conflict(ctx, member.pr, parent.sha);
  // GitHub's own test merge is base + head merged, when computed on this very base.
  const { testMerge } = view;
  const merged =
    onBase && testMerge?.parents[0] === parent.sha && testMerge.parents[1] === member.headSha
      ? { kind: 'clean' as const, treeSha: testMerge.tree }
      : await deps.github.mergeTree(
          parent.sha,
          [member.headSha],
          scratchBranch(config, queue.base),
        );
  if (merged.kind === 'conflict') return conflict(ctx, member.pr, parent.sha);
  if (merged.kind === 'unknown') return { kind: 'stale' };
  // Its changes are already there: landing it would make an empty commit.
  if (merged.treeSha === parent.tree)
    return { kind: 'failed', failure: { kind: 'empty', carriedBy: null } };
  const message = mergeMessage(config, view);
  const commit = await deps.github.createCommit({
    tree: merged.treeSha,
    parents: [parent.sha],
    message,
  });
  deps.cache.rememberCommitMessage(commit.sha, message);
  deps.cache.rememberCommitTree(commit.sha, merged.treeSha);
  return { kind: 'made', sha: commit.sha, tree: merged.treeSha };
}

async function conflict(ctx: ApplyContext, pr: number, onto: string): Promise<Squash> {
  const files = await ctx.deps.github.conflictCandidates(pr, onto);
  return { kind: 'failed', failure: { kind: 'conflict', files } };
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

async function reject(
  ctx: ApplyContext,
  record: StagingRecord,
  pr: number,
  failure: BuildFailure,
  onTopOf: number[],
): Promise<Applied> {
  await ctx.deps.store.staging.update({
    id: record.id,
    now: ctx.deps.now(),
    changes: { state: 'rejected', failure: { ...failure, pr, onTopOf } },
  });
  ctx.deps.cache.forgetPull(pr);
  ctx.deps.log.info(
    { repo: ctx.queue.repo, pr, failure: failure.kind, onTopOf },
    'staging not built',
  );
  return 'done';
}

async function abandon(ctx: ApplyContext, record: StagingRecord): Promise<Applied> {
  await ctx.deps.store.staging.update({
    id: record.id,
    now: ctx.deps.now(),
    changes: { state: 'abandoned' },
  });
  return 'stale';
}
