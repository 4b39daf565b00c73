import type { Plan } from '../plan.js';
import type { SluiceConfig } from '../../config/index.js';
import type { DequeueReason } from '../effects.js';
import type { GateVerdictSummary } from '../gate-policy.js';
import type { ObservedCheck, QueueEntry, Staging } from '../types.js';
import { applyGatePolicy } from '../gate-policy.js';
import { stagingsUnder } from '../chain.js';
import { evaluateChecks } from '../evaluate-checks.js';

/**
 * A staging failed. Each failing check run is classified once; a failure every verdict of
 * which is configured to retry (infra by default) re-runs the failed jobs within budget,
 * before anyone is suspected. Otherwise the stagings built on it are abandoned, and:
 * - a batch whose stagings ahead all passed splits: its PRs are tested in halves until the
 *   culprit is found (bisection); behind stagings still testing it is held as it is (nothing is
 *   built on it) until they pass — then it splits — or fail, and it goes with them;
 * - a single PR whose stagings ahead all passed is the culprit, dequeued with the verdicts;
 * - a single PR behind stagings still testing waits, failed, for them: the failure may be theirs.
 *
 * `failing` is either the failing checks (to classify) or the verdicts of a tree that
 * already failed.
 */
export function judgeFailure(
  plan: Plan,
  config: SluiceConfig,
  staging: Staging,
  failing: ObservedCheck[] | GateVerdictSummary[],
): void {
  const verdicts = isVerdictList(failing) ? failing : verdictsOf(plan, config, staging, failing);
  if (!verdicts) return;
  plan.abandonDependents(staging);
  const own = aheadPassed(plan, staging);
  if (staging.prs.length > 1) {
    // Split only on a failure of its own: one that may be the stagings' under it says
    // nothing about its PRs, and marking them suspects would bisect a batch that is fine.
    if (own) plan.add({ kind: 'fail-staging', stagingId: staging.id, verdicts, outcome: 'reject' });
    return;
  }
  if (!own) {
    if (staging.state !== 'failed')
      plan.add({ kind: 'fail-staging', stagingId: staging.id, verdicts, outcome: 'wait' });
    return;
  }
  for (const entry of membersOf(plan, staging)) {
    const streak = plan.snapshot.failureStreaks[entry.pr];
    const previousFailures =
      streak?.headSha === entry.headSha ? streak.count : entry.consecutiveFailures;
    const outcome = applyGatePolicy({ verdicts, config, budget: noBudget, previousFailures });
    if (outcome.kind !== 'dequeue') continue;
    const reason: DequeueReason = outcome.blocked
      ? { kind: 'blocked', failures: outcome.consecutiveFailures, verdicts }
      : { kind: 'checks-failed', verdicts };
    dequeueMember(plan, entry, reason, outcome.addLabels, outcome.consecutiveFailures);
  }
  plan.add({ kind: 'fail-staging', stagingId: staging.id, verdicts, outcome: 'reject' });
}

/** Judging happens after any retry was decided: the budget no longer matters here. */
const noBudget = { usedByEntry: Infinity, usedByRepoToday: Infinity };

function isVerdictList(list: ObservedCheck[] | GateVerdictSummary[]): list is GateVerdictSummary[] {
  return list.length > 0 && 'class' in list[0]!;
}

/**
 * The verdicts for the failing checks, or undefined while something is still to do first:
 * a classification, or a re-run of failed jobs (asked for now, or already under way).
 */
function verdictsOf(
  plan: Plan,
  config: SluiceConfig,
  staging: Staging,
  failing: ObservedCheck[],
): GateVerdictSummary[] | undefined {
  const { snapshot } = plan;
  const rerun = new Set(snapshot.rerunCheckRunIds);
  // A re-run was asked for: GitHub may still list the failed attempt until the new one starts.
  if (failing.every((c) => c.checkRunId !== undefined && rerun.has(String(c.checkRunId))))
    return undefined;
  const unjudged = failing.filter(
    (c) => c.checkRunId !== undefined && !snapshot.verdicts[String(c.checkRunId)],
  );
  if (unjudged.length > 0) {
    plan.add({
      kind: 'classify-failures',
      stagingId: staging.id,
      checks: unjudged.map((c) => c.name),
    });
    return undefined;
  }
  const verdicts = failing.map(
    (c) =>
      (c.checkRunId !== undefined ? snapshot.verdicts[String(c.checkRunId)] : undefined) ??
      statusVerdict(c),
  );
  const members = membersOf(plan, staging);
  const usedByEntry = Math.max(0, ...members.map((e) => snapshot.retryUsage.byEntry[e.id] ?? 0));
  const outcome = applyGatePolicy({
    verdicts,
    config,
    budget: { usedByEntry, usedByRepoToday: snapshot.retryUsage.byRepoToday },
    previousFailures: 0,
  });
  // A staging already waiting, failed, was judged not to retry; it stays judged.
  if (outcome.kind === 'retry' && staging.state !== 'failed') {
    plan.add({
      kind: 'rerun-failed',
      stagingId: staging.id,
      checks: outcome.checks,
      prs: members.map((e) => e.pr),
    });
    return undefined;
  }
  return verdicts;
}

function statusVerdict(check: ObservedCheck): GateVerdictSummary {
  return {
    check: check.name,
    url: check.url,
    class: 'unknown',
    confidence: 0,
    reason: 'A commit status failed; statuses carry no log to classify.',
    job: null,
    step: null,
    signature: null,
    line: null,
    context: [],
    annotations: [],
  };
}

/** Every staging this one was built on passed (or there is none): its failure is its own. */
function aheadPassed(plan: Plan, staging: Staging): boolean {
  const { snapshot } = plan;
  return stagingsUnder(plan.liveStagings(), staging).every(
    (s) => !s.knownFailure && evaluateChecks(snapshot.requiredChecks, s.checks).kind === 'passed',
  );
}

function membersOf(plan: Plan, staging: Staging): QueueEntry[] {
  return plan.remaining().filter((e) => staging.prs.some((p) => p.pr === e.pr));
}

export function dequeueMember(
  plan: Plan,
  entry: QueueEntry,
  reason: DequeueReason,
  addLabels: string[] = [],
  consecutiveFailures = 0,
): void {
  const pull = plan.snapshot.pulls.find((p) => p.number === entry.pr);
  const label = plan.snapshot.config.ok ? plan.snapshot.config.config.queue.label : undefined;
  plan.add({
    kind: 'dequeue',
    entryId: entry.id,
    pr: entry.pr,
    headSha: entry.headSha,
    reason,
    removeLabel: label !== undefined && (pull?.labels.includes(label) ?? false),
    addLabels,
    consecutiveFailures,
  });
}
