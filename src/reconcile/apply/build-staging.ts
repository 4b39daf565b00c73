import type { Effect } from '../../queue/effects.js';
import type { BuildFailure } from '../../queue/types.js';
import type { StagingView } from '../../github/port.js';
import type { StagingRecord } from '../../store/types.js';
import { liveStagingStates } from '../../store/index.js';
import { stagingsUnder } from '../../queue/chain.js';
import { scratchBranch, stagingBranch } from '../message-context.js';
import type { ApplyContext, Applied } from './context.js';
import { chainCommits, commit, knownTrees, probeMessage } from './staging-commits.js';
import { pushStaging } from './push-staging.js';

type Build = Extract<Effect, { kind: 'build-staging' }>;

/** Each PR's merged tree, in order, or why the staging cannot be built. */
type Merged =
  | { kind: 'trees'; trees: string[] }
  | { kind: 'failed'; index: number; failure: BuildFailure }
  | { kind: 'stale' };

/**
 * Builds a staging: each PR's squash (the merged tree of the commit below and its head, one
 * parent, the Sluice subject and trailers) on top of the previous one, starting on the base
 * tip or the tip of the staging ahead; then pushes the tip to its staging branch, where CI
 * tests exactly it. The record is created first (`building`), so a crash mid-way leaves
 * something recovery can abandon instead of a branch nobody owns. A PR that cannot be
 * squashed (it conflicts, its head moved, or it would change nothing) rejects the staging,
 * naming the PR and what it was built on; the next decision goes on without it.
 *
 * What it costs GitHub: one read of every PR, one reset of the scratch branch and one merge
 * per PR (none for the first PR on the base, whose test merge GitHub already made), then one
 * commit per PR — a probe, which never lands, gets a single commit of the merged tree — and
 * the push. PRs restaged on the same commit in the same order (a bisected batch's halves, the
 * chain after a probe) reuse the trees and commits made before (BuildMemo): only the push
 * and the tip's commit are new.
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
  const base = { sha: effect.baseSha, tree: await treeOf(ctx, effect.baseSha) };
  const known = knownTrees(ctx, base.sha, effect);
  const views = await freshViews(
    ctx,
    effect.prs.map((m) => m.pr),
    { testMerge: known.length === 0 },
  );
  const merged = await mergeAll(ctx, effect, { ...base, known }, views);
  if (merged.kind === 'stale') return abandon(ctx, record);
  if (merged.kind === 'failed') {
    const member = effect.prs[merged.index]!;
    const before = effect.prs.slice(0, merged.index).map((m) => m.pr);
    const onTopOf = await blamed(ctx, member, merged.failure, [
      ...prsBelow(ctx, effect),
      ...before,
    ]);
    return reject(ctx, record, member.pr, merged.failure, onTopOf);
  }
  const tree = merged.trees.at(-1)!;
  if (effect.probe) {
    const message = probeMessage(ctx, effect);
    const tip = await commit(ctx, { tree, parent: base.sha, message }, 'tip');
    const commits = effect.prs.map((m) => ({ number: m.pr, commitSha: tip }));
    return pushStaging(ctx, record, { sha: tip, tree, commits });
  }
  const commits = await chainCommits(ctx, { base: base.sha, effect, views }, merged.trees);
  const tip = commits.at(-1)!.commitSha;
  return pushStaging(ctx, record, { sha: tip, tree, commits });
}

/**
 * Every PR's tree merged onto those before it. The first PR on the base takes GitHub's own
 * test merge when it was computed on this very base; the rest are merged, in one pass, into
 * the scratch branch (on that test merge, or on the base). A PR whose head moved or that is
 * gone stops the staging at its place, as a conflict or an empty merge does.
 */
async function mergeAll(
  ctx: ApplyContext,
  effect: Build,
  base: { sha: string; tree: string; known: string[] },
  views: Map<number, StagingView>,
): Promise<Merged> {
  const { deps, config, queue } = ctx;
  // Where the PRs' views stop being usable: merging goes no further.
  let usable = 0;
  let early: Merged | undefined;
  for (const member of effect.prs) {
    const view = views.get(member.pr);
    if (!view || view.pull.state !== 'open') {
      early = { kind: 'stale' };
      break;
    }
    if (view.pull.headSha !== member.headSha) {
      const failure = { kind: 'head-moved', headSha: view.pull.headSha } as const;
      early = { kind: 'failed', index: usable, failure };
      break;
    }
    usable++;
  }
  const heads = effect.prs.map((m) => m.headSha);
  let trees = base.known.slice(0, usable);
  let start = base.sha;
  if (trees.length > 0 && trees.length < usable) {
    // The rest is merged onto the commit of the part already known; a probe, which has no
    // such commit, merges everything.
    if (effect.probe) trees = [];
    else
      start = (await chainCommits(ctx, { base: base.sha, effect, views }, trees)).at(-1)!.commitSha;
  }
  const first = effect.prs[0] ? views.get(effect.prs[0].pr) : undefined;
  if (trees.length === 0 && usable > 0 && first && first.baseSha === base.sha) {
    if (first.mergeable === false) return conflict(ctx, 0, effect.prs[0]!.pr, base.sha);
    const { testMerge } = first;
    if (testMerge?.parents[0] === base.sha && testMerge.parents[1] === heads[0]) {
      if (testMerge.tree === base.tree) return empty(0);
      trees.push(testMerge.tree);
      deps.cache.builds.rememberMergedTree(base.sha, heads.slice(0, 1), testMerge.tree);
      start = testMerge.sha;
    }
  }
  const rest = heads.slice(trees.length, usable);
  if (rest.length > 0) {
    const scratch = scratchBranch(config, queue.base);
    const merges = await deps.github.mergeTrees(start, rest, scratch);
    for (const tree of merges.trees) {
      const below = trees.at(-1) ?? base.tree;
      // Its changes are already there: landing it would make an empty commit.
      if (tree === null || tree === below) return empty(trees.length);
      trees.push(tree);
      deps.cache.builds.rememberMergedTree(base.sha, heads.slice(0, trees.length), tree);
    }
    if (merges.stop?.kind === 'conflict')
      return conflict(ctx, trees.length, effect.prs[trees.length]!.pr, scratch);
    if (merges.stop) return { kind: 'stale' };
  }
  return early ?? { kind: 'trees', trees };
}

function empty(index: number): Merged {
  return { kind: 'failed', index, failure: { kind: 'empty', carriedBy: null } };
}

/** `onto` holds everything the PR was merged onto (a commit, or the scratch branch left there). */
async function conflict(
  ctx: ApplyContext,
  index: number,
  pr: number,
  onto: string,
): Promise<Merged> {
  const files = await ctx.deps.github.conflictCandidates(pr, onto);
  return { kind: 'failed', index, failure: { kind: 'conflict', files } };
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

/**
 * The PRs as GitHub sees them now, in one read with their test merges and authors; while
 * GitHub still computes the first one's mergeability (its test merge is used unless its tree
 * is already known), it is read again, briefly. Always read afresh: a test merge must be of
 * this base, and the heads and titles are what the staging is built of.
 */
async function freshViews(
  ctx: ApplyContext,
  numbers: number[],
  need: { testMerge: boolean },
): Promise<Map<number, StagingView>> {
  const { deps } = ctx;
  const views = await deps.github.stagingViews(numbers);
  const first = numbers[0];
  for (const wait of need.testMerge ? deps.settings.mergeabilityPollMs : []) {
    const view = first === undefined ? undefined : views.get(first);
    if (!view || view.mergeable !== null) break;
    await deps.sleep(wait);
    const again = await deps.github.stagingView(first!);
    if (again) views.set(first!, again);
    else views.delete(first!);
  }
  for (const view of views.values()) deps.cache.rememberPull(view);
  return views;
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
