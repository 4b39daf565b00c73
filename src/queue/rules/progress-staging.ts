import type { Plan } from '../plan.js';
import type { SluiceConfig } from '../../config/index.js';
import type { ObservedCheck, Staging } from '../types.js';
import { evaluateChecks } from '../evaluate-checks.js';
import { applyGatePolicy } from '../gate-policy.js';

const minute = 60_000;

/**
 * Moves the staging in flight forward: rebuild when the base moved under it, land when its
 * required checks pass, act on gate verdicts when they fail, give up on a check that never
 * starts.
 */
export function progressStaging(plan: Plan, config: SluiceConfig): void {
  const staging = plan.activeStaging();
  if (!staging) return;
  const { snapshot } = plan;
  const members = plan.remaining().filter((e) => staging.prs.some((p) => p.pr === e.pr));
  if (snapshot.baseSha === staging.sha) {
    // Landed. GitHub marks a PR merged once its head is reachable from base; if it has not
    // (yet), the content is on base all the same.
    for (const entry of members) {
      plan.add({
        kind: 'finish-merged',
        entryId: entry.id,
        pr: entry.pr,
        headSha: entry.headSha,
        stagingSha: staging.sha,
      });
    }
    return;
  }
  const departed = staging.prs.filter((p) => !members.some((e) => e.pr === p.pr));
  // Members merged (through the merge API): the staging is done, not abandoned.
  if (departed.length > 0 && departed.every((p) => plan.isFinishing(p.pr))) return;
  if (departed.length > 0) {
    plan.add({
      kind: 'abandon-staging',
      stagingId: staging.id,
      reason: 'pr-left',
      deleteBranch: plan.remaining().length === members.length,
    });
    return;
  }
  if (snapshot.baseSha !== staging.baseSha) {
    if (staging.state === 'landing') restoreMovedHeads(plan, staging);
    plan.add({
      kind: 'abandon-staging',
      stagingId: staging.id,
      reason: 'base-moved',
      deleteBranch: false,
    });
    return;
  }
  const landFailure =
    snapshot.lastOutcome?.kind === 'land-failed' && snapshot.lastOutcome.stagingId === staging.id
      ? snapshot.lastOutcome
      : undefined;
  if (landFailure) {
    for (const entry of members)
      dequeueMember(plan, entry.id, entry.pr, entry.headSha, {
        kind: 'land-failed',
        reason: landFailure.reason,
      });
    plan.add({
      kind: 'abandon-staging',
      stagingId: staging.id,
      reason: 'pr-left',
      deleteBranch: plan.remaining().length === 0,
    });
    return;
  }
  const verdict = evaluateChecks(snapshot.requiredChecks, snapshot.stagingChecks);
  switch (verdict.kind) {
    case 'passed':
      plan.add({ kind: 'land', staging, method: landingMethod(plan, config, staging) });
      return;
    case 'failed':
      return handleFailure(plan, config, staging, verdict.failing);
    case 'pending':
      return giveUpOnMissing(plan, config, staging, verdict.missing);
  }
}

/**
 * Fast-forward landing needs every head in this repository: one atomic `updateRefs` call then
 * moves the heads and the base together. A fork's head lives in another repository, which that
 * call cannot cover; it lands through the merge API, pinned to the tested head
 * (docs/adr/0003-atomic-landing.md).
 */
function landingMethod(
  plan: Plan,
  config: SluiceConfig,
  staging: Staging,
): 'fast-forward' | 'merge-api' {
  if (config.landing.strategy === 'merge-api') return 'merge-api';
  const { owner, repo } = plan.snapshot.repo;
  const here = `${owner}/${repo}`.toLowerCase();
  const ownHeads = staging.prs.every((p) => {
    const pull = plan.snapshot.pulls.find((candidate) => candidate.number === p.pr);
    return pull?.headWritable === true && pull.headRepo?.toLowerCase() === here;
  });
  return ownHeads ? 'fast-forward' : 'merge-api';
}

/** Heads a half-done landing left at the staging commit go back to what their authors pushed. */
function restoreMovedHeads(plan: Plan, staging: Staging): void {
  for (const member of staging.prs) {
    const pull = plan.snapshot.pulls.find((p) => p.number === member.pr);
    if (pull?.state === 'open' && pull.headSha === staging.sha && member.headSha !== staging.sha)
      plan.add({
        kind: 'restore-head',
        stagingId: staging.id,
        pr: member.pr,
        from: staging.sha,
        to: member.headSha,
      });
  }
}

function handleFailure(
  plan: Plan,
  config: SluiceConfig,
  staging: Staging,
  failing: ObservedCheck[],
): void {
  const { snapshot } = plan;
  const rerun = new Set(snapshot.rerunCheckRunIds);
  // A re-run was asked for: GitHub may still list the failed attempt until the new one starts.
  if (failing.every((c) => c.checkRunId !== undefined && rerun.has(String(c.checkRunId)))) return;
  const unjudged = failing.filter(
    (c) => c.checkRunId !== undefined && !snapshot.verdicts[String(c.checkRunId)],
  );
  if (unjudged.length > 0) {
    plan.add({
      kind: 'classify-failures',
      stagingId: staging.id,
      checks: unjudged.map((c) => c.name),
    });
    return;
  }
  const verdicts = failing.map(
    (c) =>
      (c.checkRunId !== undefined ? snapshot.verdicts[String(c.checkRunId)] : undefined) ?? {
        check: c.name,
        url: c.url,
        class: 'unknown' as const,
        confidence: 0,
        reason: 'A commit status failed; statuses carry no log to classify.',
        job: null,
        step: null,
        signature: null,
        line: null,
        context: [],
        annotations: [],
      },
  );
  for (const entry of plan.remaining().filter((e) => staging.prs.some((p) => p.pr === e.pr))) {
    const streak = snapshot.failureStreaks[entry.pr];
    const previousFailures =
      streak?.headSha === entry.headSha ? streak.count : entry.consecutiveFailures;
    const outcome = applyGatePolicy({
      verdicts,
      config,
      budget: snapshot.retryBudget,
      previousFailures,
    });
    if (outcome.kind === 'retry') {
      plan.add({
        kind: 'rerun-failed',
        stagingId: staging.id,
        checks: outcome.checks,
        pr: entry.pr,
      });
      continue;
    }
    const reason = outcome.blocked
      ? { kind: 'blocked' as const, failures: outcome.consecutiveFailures, verdicts }
      : { kind: 'checks-failed' as const, verdicts };
    dequeueMember(
      plan,
      entry.id,
      entry.pr,
      entry.headSha,
      reason,
      outcome.addLabels,
      outcome.consecutiveFailures,
    );
  }
  if (plan.effects.some((e) => e.kind === 'dequeue')) {
    plan.add({
      kind: 'abandon-staging',
      stagingId: staging.id,
      reason: 'pr-left',
      deleteBranch: plan.remaining().length === 0,
    });
  }
}

function giveUpOnMissing(
  plan: Plan,
  config: SluiceConfig,
  staging: Staging,
  missing: string[],
): void {
  const waited = plan.snapshot.now.getTime() - staging.createdAt.getTime();
  const limit = config.checks.startTimeoutMinutes * minute;
  const nothingReported =
    plan.snapshot.requiredChecks.length === 0 && plan.snapshot.stagingChecks.length === 0;
  if (waited < limit || (missing.length === 0 && !nothingReported)) return;
  const waitedMinutes = Math.floor(waited / minute);
  const reason = nothingReported
    ? { kind: 'no-checks' as const, waitedMinutes }
    : { kind: 'check-missing' as const, check: missing[0]!, waitedMinutes };
  for (const entry of plan.remaining().filter((e) => staging.prs.some((p) => p.pr === e.pr))) {
    dequeueMember(plan, entry.id, entry.pr, entry.headSha, reason);
  }
  plan.add({
    kind: 'abandon-staging',
    stagingId: staging.id,
    reason: 'pr-left',
    deleteBranch: plan.remaining().length === 0,
  });
}

function dequeueMember(
  plan: Plan,
  entryId: string,
  pr: number,
  headSha: string,
  reason: Extract<Parameters<Plan['add']>[0], { kind: 'dequeue' }>['reason'],
  addLabels: string[] = [],
  consecutiveFailures = 0,
): void {
  const pull = plan.snapshot.pulls.find((p) => p.number === pr);
  const label = plan.snapshot.config.ok ? plan.snapshot.config.config.queue.label : undefined;
  plan.add({
    kind: 'dequeue',
    entryId,
    pr,
    headSha,
    reason,
    removeLabel: label !== undefined && (pull?.labels.includes(label) ?? false),
    addLabels,
    consecutiveFailures,
  });
}
