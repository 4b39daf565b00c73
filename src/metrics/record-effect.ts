import type { DequeueReason, Effect } from '../queue/effects.js';
import type { Staging } from '../queue/types.js';
import { gateClasses } from '../gates/types.js';
import { evaluateChecks } from '../queue/evaluate-checks.js';
import type { AppliedEffect, ReconcileEvents } from '../reconcile/reconcile-events.js';
import type { Observation } from '../reconcile/observe.js';
import type { Log, QueueKey } from '../reconcile/types.js';
import type { AttemptStore, VerdictStore } from '../store/types.js';
import type { SluiceMetrics } from './sluice-metrics.js';

type Facts<K extends Effect['kind']> = AppliedEffect & { effect: Extract<Effect, { kind: K }> };

interface Recorder {
  metrics: SluiceMetrics;
  /** When a staging's attempts started (its push), and its verdicts (re-run ones were flakes). */
  store: {
    attempts: Pick<AttemptStore, 'listForEntry'>;
    verdicts: Pick<VerdictStore, 'listForStaging'>;
  };
}

/**
 * The effects that count, each recorded once it is `done`: the store's state then says it
 * happened, so a decision is not counted again on the next pass or by another replica. Other
 * effects (and any kind added later) count nothing. A landing is counted by the merges it
 * ends in: `land` itself always asks for a fresh observation (`stale`) once the refs moved.
 */
const recorders: {
  [K in Effect['kind']]?: (r: Recorder, facts: Facts<K>) => Promise<void> | void;
} = {
  // A landed staging is finished by its PRs' merges: its last PR's is the one that times it.
  'finish-merged': async (r, facts) => {
    const { queue, effect, observation, at } = facts;
    r.metrics.merged.inc(labelsOf(queue));
    const entry = observation.snapshot.entries.find((e) => e.id === effect.entryId);
    if (entry) r.metrics.queuedToMerged.observe(labelsOf(queue), seconds(entry.queuedAt, at));
    const staging = observation.snapshot.stagings.find((s) => s.prs.at(-1)?.pr === effect.pr);
    if (staging && passed(observation, staging)) await recordVerdict(r, facts, staging, 'passed');
  },
  dequeue: ({ metrics }, { queue, effect: { reason } }) => {
    metrics.dequeued.inc({
      ...labelsOf(queue),
      reason: reason.kind,
      gate_class: gateClassOf(reason),
    });
  },
  'rerun-failed': ({ metrics }, { queue }) => {
    metrics.retries.inc(labelsOf(queue));
  },
  'clear-probe': async (r, facts) => {
    const staging = liveStaging(facts, facts.effect.stagingId);
    if (staging) await recordVerdict(r, facts, staging, 'passed');
  },
  // A staging waiting, failed, behind others was judged when it started waiting.
  'fail-staging': async (r, facts) => {
    const staging = liveStaging(facts, facts.effect.stagingId);
    if (staging && staging.state !== 'failed') await recordVerdict(r, facts, staging, 'failed');
  },
};

/** The orchestrator's watcher that keeps the queue metrics; a failure to record is logged. */
export function effectRecorder(
  metrics: SluiceMetrics,
  store: Recorder['store'],
  log: Log,
): ReconcileEvents {
  return {
    async effectApplied(facts) {
      if (facts.applied !== 'done') return;
      const record = recorders[facts.effect.kind] as
        ((r: Recorder, facts: AppliedEffect) => Promise<void> | void) | undefined;
      try {
        await record?.({ metrics, store }, facts);
      } catch (error) {
        log.warn({ ...facts.queue, effect: facts.effect.kind, err: error }, 'metrics not recorded');
      }
    },
  };
}

/**
 * CI time from the push (when its attempts started) to the verdict; flakes when it passed.
 * A staging whose tree already failed was judged without CI and is not timed.
 */
async function recordVerdict(
  { metrics, store }: Recorder,
  { queue, observation, at }: AppliedEffect,
  staging: Staging,
  outcome: 'passed' | 'failed',
): Promise<void> {
  if (staging.knownFailure) return;
  const stagingId = Number(staging.id);
  const record = observation.stagings.find((r) => r.id === stagingId);
  const member = record?.prs[0];
  if (member) {
    const attempts = await store.attempts.listForEntry(member.entryId);
    const pushed = attempts.find((a) => a.stagingId === stagingId)?.startedAt;
    if (pushed) metrics.stagingCi.observe({ ...labelsOf(queue), outcome }, seconds(pushed, at));
  }
  if (outcome === 'failed') return;
  for (const verdict of await store.verdicts.listForStaging(stagingId))
    if (verdict.rerunAt !== null)
      metrics.flakes.inc({ ...labelsOf(queue), gate_class: knownGateClass(verdict.class) });
}

/**
 * Its own checks passed: a staging a later one's pass carried in (`queue.landOnLaterPass`)
 * while its checks still ran has no verdict of its own.
 */
function passed(observation: Observation, staging: Staging): boolean {
  return evaluateChecks(observation.snapshot.requiredChecks, staging.checks).kind === 'passed';
}

function liveStaging({ observation }: AppliedEffect, id: string): Staging | undefined {
  return observation.snapshot.stagings.find((s) => s.id === id);
}

/** The gate that failed, for dequeues caused by a failure; `none` for any other reason. */
function gateClassOf(reason: DequeueReason): string {
  if (reason.kind === 'checks-failed' || reason.kind === 'blocked')
    return knownGateClass(reason.verdicts[0]?.class ?? 'unknown');
  return reason.kind === 'conflict' ? 'conflict' : 'none';
}

/** Verdicts come back from the store as text: anything outside the closed set is `unknown`. */
function knownGateClass(value: string): string {
  return (gateClasses as readonly string[]).includes(value) ? value : 'unknown';
}

function labelsOf(queue: QueueKey): { repo: string; base: string } {
  return { repo: queue.repo, base: queue.base };
}

function seconds(from: Date, to: Date): number {
  return Math.max(0, to.getTime() - from.getTime()) / 1000;
}
