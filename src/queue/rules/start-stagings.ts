import type { Plan } from '../plan.js';
import type { SluiceConfig } from '../../config/index.js';
import type { Staging } from '../types.js';
import { stagingDepth, stagingLimit } from '../adaptive.js';
import { chainTip, inLine, lastStanding } from '../chain.js';
import { evaluateChecks } from '../evaluate-checks.js';
import { landingMethod } from '../landing-method.js';
import { makeWayForPriority } from './make-way-for-priority.js';
import { batchReady, nextBatch, toMembers, type Batch } from './next-batch.js';

export { holdFor, type Hold } from './next-batch.js';

/**
 * How long a staging's checks may say `queued` before that means "no runner": GitHub reports a
 * run queued for a few seconds after every push, idle runners or not.
 */
export const queuedGraceMs = 60_000;

/**
 * Starts the next staging. Sluice does not know how many runners CI has; it sees which
 * stagings hold one (checks in progress) and which wait for one (checks queued), and keeps at
 * most one staging waiting, so a runner that frees always has work — the chain's first.
 *
 * First the chain: the next entries in queue order on the tip of the last staging — PRs a
 * probe cleared in batches up to `queue.batch.maxSize`, untested PRs in batches sized from the
 * recent record, suspects of a failed batch one part at a time — up to the depth. Nothing is
 * stacked on a staging whose checks failed. Behind PRs nobody has seen pass (with probes on),
 * more is stacked only where it costs no runner time if they fail:
 * - while one staging at most holds a runner and none waits: what is stacked waits for that
 *   runner, and is abandoned before it starts if the staging under it fails. With one runner
 *   this is bors with the next batch queued; with more, the stacked staging starts at once
 *   and the second busy runner shows that probes can be afforded;
 * - in place of a probe that has waited for a runner past `queuedGraceMs` (it makes way);
 * - when the batch takes every queued PR not in flight: no probe has anything to test.
 *
 * Then a probe — the next untested PRs or suspects not in flight, on the base tip — while
 * nothing waits for a runner, unless the one busy runner is the chain's: with one runner, a
 * probe queued now would take it before the chain's next staging (CI serves the oldest
 * first), and a probe that passes costs a second run to land its PRs. Entries waiting on
 * approvals, or on a PR ahead they conflict with, keep their place without holding up the
 * queue. A PR only the merge API can land goes alone, from the front, with nothing behind it.
 * One staging per decision, and none in a decision that lands, judges, classifies or re-runs:
 * the next is decided on what the queue then knows. None while the queue is paused; with
 * `queue.priority.interrupt`, a staging under test may first make way for a higher priority.
 */
export function startStagings(plan: Plan, config: SluiceConfig): void {
  // After a landing the base is somewhere new, and a staging judged (split, cleared) or about
  // to be changes what its PRs are: the next staging is decided on what the queue remembers.
  if (plan.isBuilding() || plan.baseUnseen || plan.effects.some(changesTheRecord)) return;
  const { snapshot } = plan;
  if (snapshot.paused) return;
  makeWayForPriority(plan, config);
  const live = plan.liveStagings();
  if (live.some((s) => landingMethod(snapshot, config, s) === 'merge-api')) return;
  const inFlight = live.filter((s) => s.state !== 'failed');
  if (inFlight.length >= stagingLimit(config)) return;
  const waiting = inFlight.filter((s) => waitsForRunner(plan, s));
  const busy = inFlight.filter(holdsRunner).length;
  const stuckProbes = waiting.filter((s) => s.probe && stuck(plan, s));
  const chain = extendChain(plan, config, inFlight, waiting, busy, stuckProbes);
  if (chain) {
    for (const probe of stuckProbes)
      plan.add({
        kind: 'abandon-staging',
        stagingId: probe.id,
        reason: 'make-way',
        deleteBranch: false,
      });
    plan.add({
      kind: 'build-staging',
      baseSha: chainTip(live, snapshot.baseSha),
      aheadId: lastStanding(live)?.id ?? null,
      position: live.length + 1,
      probe: false,
      prs: toMembers(chain),
    });
    return;
  }
  if (!config.queue.probes || waiting.length > 0) return;
  // One runner busy, and with the chain's next staging: with a single runner, a probe queued
  // now would take it before the chain's next staging (CI serves the oldest first).
  if (busy === 1 && inFlight.some((s) => !s.probe && holdsRunner(s))) return;
  const probe = nextBatch(plan, config, 'probe');
  if (!probe || !batchReady(plan, config, probe)) return;
  plan.add({
    kind: 'build-staging',
    baseSha: snapshot.baseSha,
    aheadId: null,
    position: live.length + 1,
    probe: true,
    prs: toMembers(probe),
  });
}

function changesTheRecord(effect: Plan['effects'][number]): boolean {
  return (
    effect.kind === 'land' ||
    effect.kind === 'clear-probe' ||
    effect.kind === 'classify-failures' ||
    effect.kind === 'rerun-failed' ||
    (effect.kind === 'fail-staging' && effect.outcome === 'reject')
  );
}

/** The chain's next staging, if one should be built now. */
function extendChain(
  plan: Plan,
  config: SluiceConfig,
  inFlight: readonly Staging[],
  waiting: readonly Staging[],
  busy: number,
  stuckProbes: readonly Staging[],
): Batch | undefined {
  const { snapshot } = plan;
  const live = plan.liveStagings();
  // Whatever is built on a failing staging fails with it.
  if (inLine(live).some((s) => s.state !== 'failed' && failing(plan, s))) return undefined;
  // With one runner busy and none waiting, a staging stacked now waits for that runner: it
  // costs nothing if the one ahead fails, and shows whether CI has more runners. Not while a
  // PR in line waits to be judged: its verdict changes what the PRs behind it are.
  const judging = inLine(live).some((s) => s.state === 'failed');
  const lone = busy <= 1 && waiting.length === 0 && !judging;
  if (inLine(inFlight).length >= stagingDepth(config, snapshot.recentOutcomes)) return undefined;
  const batch = nextBatch(plan, config, 'in-line', stuckProbes);
  if (!batch || !batchReady(plan, config, batch)) return undefined;
  const exposed = config.queue.probes && untestedInLine(plan, live);
  if (exposed && !lone && stuckProbes.length === 0 && !takesTheRest(plan, batch)) return undefined;
  return batch;
}

/**
 * The batch holds every queued PR not in flight: there is nothing for a probe to test, and a
 * runner the chain does not use stays idle — speculating costs nothing then, and lands the
 * PRs of a short queue in one CI run instead of a probe's and then the chain's.
 */
function takesTheRest(plan: Plan, batch: Batch): boolean {
  const staged = new Set([
    ...plan.liveStagings().flatMap((s) => s.prs.map((p) => p.pr)),
    ...batch.entries.map((e) => e.pr),
  ]);
  return plan.remaining().every((e) => staged.has(e.pr));
}

function passed(plan: Plan, staging: Staging): boolean {
  return evaluateChecks(plan.snapshot.requiredChecks, staging.checks).kind === 'passed';
}

/** Its checks failed, or its tree already did: it is being judged. */
function failing(plan: Plan, staging: Staging): boolean {
  return (
    staging.knownFailure !== null ||
    evaluateChecks(plan.snapshot.requiredChecks, staging.checks).kind === 'failed'
  );
}

/**
 * Something in the chain still testing holds PRs nobody has seen pass (untested, or suspects
 * of a failed batch): what is built on it is likely to be thrown away with it.
 */
function untestedInLine(plan: Plan, live: readonly Staging[]): boolean {
  const cleared = new Set(plan.snapshot.cleared);
  return inLine(live).some(
    (s) => s.state !== 'failed' && !passed(plan, s) && s.prs.some((p) => !cleared.has(p.pr)),
  );
}

/**
 * CI has not picked it up (yet): no runner has taken its checks — or its failed checks are
 * being re-run, and GitHub still lists the failed attempt until the new one is queued.
 */
function waitsForRunner(plan: Plan, staging: Staging): boolean {
  if (staging.knownFailure) return false;
  if (staging.checks.length === 0) return true;
  const rerun = new Set(plan.snapshot.rerunCheckRunIds);
  const latest = evaluateChecks(plan.snapshot.requiredChecks, staging.checks);
  if (
    latest.kind === 'failed' &&
    latest.failing.every((c) => c.checkRunId !== undefined && rerun.has(String(c.checkRunId)))
  )
    return true;
  const pending = staging.checks.filter((c) => c.state === 'pending');
  return pending.length > 0 && pending.every((c) => c.queued === true);
}

/** Its checks run on a runner now. */
function holdsRunner(staging: Staging): boolean {
  return !staging.knownFailure && staging.checks.some((c) => c.state === 'pending' && !c.queued);
}

/** Queued for longer than GitHub takes to hand a push to an idle runner: CI is at capacity. */
function stuck(plan: Plan, staging: Staging): boolean {
  return plan.snapshot.now.getTime() - staging.createdAt.getTime() >= queuedGraceMs;
}
