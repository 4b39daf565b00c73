import type { Plan } from '../plan.js';
import type { SluiceConfig } from '../../config/index.js';
import type { BuildFailureRecord, ObservedPull, QueueEntry, Staging } from '../types.js';
import { batchSize } from '../adaptive.js';
import { canFastForward } from '../landing-method.js';
import { dequeueMember } from './judge-failure.js';

/** Why a queued entry cannot be staged yet (it keeps its place). */
export type Hold =
  | { kind: 'approvals'; have: number; need: number }
  | { kind: 'changes-requested' }
  | { kind: 'draft' };

export function holdFor(pull: ObservedPull, requiredApprovals: number): Hold | undefined {
  if (pull.draft) return { kind: 'draft' };
  if (pull.changesRequested) return { kind: 'changes-requested' };
  if (pull.approvals < requiredApprovals)
    return { kind: 'approvals', have: pull.approvals, need: requiredApprovals };
  return undefined;
}

export interface Batch {
  entries: QueueEntry[];
  /** What its PRs are: `cleared` by a probe, `suspect:<group>` of one failed batch, or `new`. */
  kind: string;
  limit: number;
}

/**
 * The next batch: `in-line` takes the first entries not in flight, in queue order, and stops
 * at one a probe is testing (the chain cannot pass it); `probe` skips what is in flight and
 * what was cleared, and takes untested PRs or suspects. PRs of one kind only: a batch of
 * cleared PRs is not put at risk by an untested one, and suspects of a failed batch are split
 * among themselves, one part in flight at a time: whether it passes or fails tells what the
 * rest is (see `suspectsOf`), so testing the rest beside it would mostly repeat what is learnt
 * for free. Stagings in `givingWay` are about to be abandoned: their PRs are free.
 */
export function nextBatch(
  plan: Plan,
  config: SluiceConfig,
  mode: 'in-line' | 'probe',
  givingWay: readonly Staging[] = [],
): Batch | undefined {
  const { snapshot } = plan;
  const live = plan.liveStagings().filter((s) => !givingWay.includes(s));
  const inLine = new Set(live.filter((s) => !s.probe).flatMap((s) => s.prs.map((p) => p.pr)));
  const probed = new Set(live.filter((s) => s.probe).flatMap((s) => s.prs.map((p) => p.pr)));
  const cleared = new Set(snapshot.cleared);
  const pulls = new Map(snapshot.pulls.map((p) => [p.number, p]));
  const groupsInFlight = new Set(
    live.flatMap((s) => s.prs.map((p) => snapshot.suspects[p.pr]?.group ?? '')),
  );
  const atFront = live.length === 0;
  let batch: Batch | undefined;
  for (const entry of plan.remaining()) {
    if (inLine.has(entry.pr)) continue;
    if (probed.has(entry.pr)) {
      if (mode === 'in-line') return batch;
      continue;
    }
    const pull = pulls.get(entry.pr);
    if (!pull || holdFor(pull, snapshot.requiredApprovals)) continue;
    const failure = snapshot.buildFailures[entry.pr];
    if (failure && !retryBuild(plan, config, entry, failure)) continue;
    if (!canFastForward(snapshot, config, pull)) {
      // Landed by the merge API from the front, alone; those behind it wait for it.
      if (batch || mode === 'probe') return batch;
      return atFront ? { entries: [entry], kind: 'merge-api', limit: 1 } : undefined;
    }
    const suspect = snapshot.suspects[entry.pr];
    // One part of a failed batch at a time: what it shows decides what the rest is.
    if (suspect && groupsInFlight.has(suspect.group)) {
      if (mode === 'in-line') return batch;
      continue;
    }
    const kind = suspect ? `suspect:${suspect.group}` : cleared.has(entry.pr) ? 'cleared' : 'new';
    if (mode === 'probe' && kind === 'cleared') {
      if (batch) return batch;
      continue;
    }
    if (!batch) {
      const limit =
        suspect?.limit ??
        (kind === 'cleared'
          ? config.queue.batch.maxSize
          : batchSize(config, snapshot.recentOutcomes));
      batch = { entries: [], kind, limit };
    } else if (batch.kind !== kind) return batch;
    batch.entries.push(entry);
    if (batch.entries.length >= batch.limit) return batch;
  }
  return batch;
}

/**
 * A batch of new PRs that is not full waits up to `queue.batch.waitSeconds` after its newest
 * member was queued for more to arrive; bisection never waits.
 */
export function batchReady(plan: Plan, config: SluiceConfig, batch: Batch): boolean {
  const wait = config.queue.batch.waitSeconds * 1000;
  if (batch.kind !== 'new' || wait === 0 || batch.entries.length >= batch.limit) return true;
  const newest = Math.max(...batch.entries.map((e) => e.queuedAt.getTime()));
  return plan.snapshot.now.getTime() - newest >= wait;
}

export function toMembers(batch: Batch): { pr: number; headSha: string; entryId: string }[] {
  return batch.entries.map((e) => ({ pr: e.pr, headSha: e.headSha, entryId: e.id }));
}

/**
 * The PR's last build failed. Conflicting with (or already carried by) PRs ahead of it, it
 * waits while any of them is still queued, then is tried again on what landed; conflicting
 * with the base itself, or pushed to meanwhile, it leaves the queue.
 */
function retryBuild(
  plan: Plan,
  config: SluiceConfig,
  entry: QueueEntry,
  record: BuildFailureRecord,
): boolean {
  const { failure, onTopOf } = record;
  if (failure.kind !== 'head-moved' && onTopOf.length > 0) {
    const active = new Set(plan.remaining().map((e) => e.pr));
    return !onTopOf.some((pr) => pr !== entry.pr && active.has(pr));
  }
  const labels =
    failure.kind === 'conflict' && config.labels.failed.conflict
      ? [config.labels.failed.conflict]
      : [];
  const reason =
    failure.kind === 'conflict'
      ? { kind: 'conflict' as const, files: failure.files }
      : failure.kind === 'empty'
        ? { kind: 'empty' as const, carriedBy: failure.carriedBy }
        : { kind: 'head-moved' as const, from: entry.headSha, to: failure.headSha };
  if (!plan.isLeaving(entry)) dequeueMember(plan, entry, reason, labels);
  return false;
}
