import { decide } from '../queue/decide.js';
import { nextDecisionAt } from '../queue/next-decision.js';
import { applyEffect } from './apply/index.js';
import { messageContext } from './message-context.js';
import { observe, type Observation } from './observe.js';
import { deliverOutbox } from './outbox/deliver-outbox.js';
import { LeaseLostError } from './lease-lost-error.js';
import { syncCheckRuns } from './sync-check-runs.js';
import type { QueueKey, ReconcileDeps } from './types.js';

/**
 * A queue that needs more passes than this is misbehaving: stop, log, and let the next trigger
 * retry. One staging is built per pass, so a full chain of probes and batches takes a few dozen.
 */
const maxPasses = 48;

export interface ReconcileReport {
  passes: number;
  effects: string[];
  /** Reconcile again at this time even if nothing else happens (a batch waiting to fill). */
  wakeAt: Date | null;
}

/**
 * Observe → decide → act, until `decide` has nothing left to do; then make every check run
 * say where its PR stands. Effects are applied in order; one that finds GitHub other than
 * observed stops the pass, and the queue is observed afresh before anything else is decided.
 */
export async function reconcileQueue(
  deps: ReconcileDeps,
  queue: QueueKey,
): Promise<ReconcileReport> {
  // What an earlier pass decided but could not tell (a crash, a 5xx) is told first, in order.
  await deliverOutbox(deps, queue);
  let observation = await observe(deps, queue);
  const report: ReconcileReport = { passes: 0, effects: [], wakeAt: null };
  const endedBranches = new Set<string>();
  while (report.passes < maxPasses) {
    const effects = decide(observation.snapshot);
    if (effects.length === 0) break;
    report.passes++;
    const { config } = observation.snapshot;
    if (!config.ok) break;
    const ctx = {
      deps,
      queue,
      observation,
      config: config.config,
      messages: messageContext(observation.snapshot, config.config),
      endedBranches,
    };
    await applyThenTell(deps, queue, async () => {
      for (const effect of effects) {
        report.effects.push(effect.kind);
        const applied = await applyEffect(ctx, effect);
        await deps.events?.effectApplied({ queue, effect, applied, observation, at: deps.now() });
        if (effect.kind === 'build-staging') await rememberFreshStaging(deps, queue);
        if (applied === 'stale') break;
      }
    });
    observation = await observe(deps, queue);
  }
  if (report.passes >= maxPasses)
    deps.log.warn({ ...queue, effects: report.effects.slice(-20) }, 'reconcile did not settle');
  await syncCheckRuns(deps, observation);
  await tidyBranches(deps, observation, endedBranches);
  report.wakeAt = nextDecisionAt(observation.snapshot);
  return report;
}

/**
 * Applies a pass's effects, then tells what they recorded together: a batch's landing is one
 * request for all its PRs. An effect that throws (a 5xx mid-build) still has what the ones
 * before it recorded told now, not at the next reconcile; a holder that lost its lease tells
 * nothing (its writes are fenced, and the new holder delivers).
 */
async function applyThenTell(
  deps: ReconcileDeps,
  queue: QueueKey,
  apply: () => Promise<void>,
): Promise<void> {
  try {
    await apply();
  } catch (error) {
    if (!(error instanceof LeaseLostError))
      await deliverOutbox(deps, queue).catch((failure: unknown) =>
        deps.log.warn({ ...queue, err: String(failure) }, 'could not tell after a failed effect'),
      );
    throw error;
  }
  await deliverOutbox(deps, queue);
}

/**
 * A queue left with nothing to test keeps no staging branches around; while it works, they
 * are reused (force-pushed) by the next staging in the same place, which costs nothing.
 */
async function tidyBranches(
  deps: ReconcileDeps,
  observation: Observation,
  ended: ReadonlySet<string>,
): Promise<void> {
  const { snapshot } = observation;
  if (snapshot.entries.length > 0 || snapshot.stagings.length > 0) return;
  for (const branch of ended) await deps.github.deleteBranch(branch);
}

/**
 * Nothing has reported on a staging commit pushed a moment ago: no need to ask GitHub — unless
 * CI's first webhook about it already came in (then it is read).
 */
async function rememberFreshStaging(deps: ReconcileDeps, queue: QueueKey): Promise<void> {
  const latest = (await deps.store.staging.list({ ...queue, states: ['testing'] })).at(-1);
  if (latest?.commitSha) deps.cache.rememberChecks(latest.commitSha, [], 0);
}

export type { Observation };
