import type { Plan } from '../plan.js';
import type { SluiceConfig } from '../../config/index.js';
import type { Staging } from '../types.js';
import { firstBrokenLink, inLine, stagingsUnder } from '../chain.js';
import { evaluateChecks } from '../evaluate-checks.js';
import { dequeueMember, judgeFailure } from './judge-failure.js';
import { landPassed } from './land-passed.js';

const minute = 60_000;

/**
 * Moves the stagings in flight forward, front to back: finish what landed, abandon what the
 * base moved under, act on checks (classify, retry, split, dequeue the culprit, give up on a
 * check that never starts), then land what passed at the front.
 */
export function progressStagings(plan: Plan, config: SluiceConfig): void {
  finishLanded(plan);
  abandonDeparted(plan);
  abandonBrokenChain(plan);
  abandonUnlandable(plan);
  for (const staging of plan.liveStagings()) {
    if (!plan.isLive(staging)) continue;
    if (staging.knownFailure) {
      judgeFailure(plan, config, staging, staging.knownFailure);
      continue;
    }
    const verdict = evaluateChecks(plan.snapshot.requiredChecks, staging.checks);
    if (verdict.kind === 'passed' && staging.probe)
      plan.add({ kind: 'clear-probe', stagingId: staging.id });
    else if (verdict.kind === 'failed') judgeFailure(plan, config, staging, verdict.failing);
    else if (verdict.kind === 'pending') giveUpOnMissing(plan, staging, verdict.missing);
  }
  landPassed(plan, config);
}

/**
 * The base is at a staging's tip: it landed, with everything under it. GitHub marks a PR
 * merged once its head is reachable from the base; if it has not (yet), the content is on
 * the base all the same.
 */
function finishLanded(plan: Plan): void {
  const live = inLine(plan.liveStagings());
  const landed = live.find((s) => s.sha === plan.snapshot.baseSha);
  if (!landed) return;
  const members = new Set([...stagingsUnder(live, landed), landed].flatMap((s) => s.prs));
  for (const entry of plan.remaining()) {
    const member = [...members].find((m) => m.pr === entry.pr);
    if (!member) continue;
    plan.add({
      kind: 'finish-merged',
      entryId: entry.id,
      pr: entry.pr,
      headSha: entry.headSha,
      // Its own squash commit: a batch lands one commit per PR, and each is told its own.
      stagingSha: member.commitSha,
    });
  }
  plan.markLanded([...stagingsUnder(live, landed), landed]);
}

/**
 * A staging holding a PR that left the queue (dequeued by a command, by a rule above, or
 * merged by someone else) tests something that must not land, and so does everything built
 * on it. A PR the merge API just landed from its own staging is done, not abandoned: the
 * finish records that staging as landed.
 */
function abandonDeparted(plan: Plan): void {
  const remaining = new Set(plan.remaining().map((e) => e.pr));
  for (const staging of plan.liveStagings()) {
    if (!plan.isLive(staging)) continue;
    const departed = staging.prs.filter((p) => !remaining.has(p.pr));
    if (departed.length === 0) continue;
    if (departed.every((p) => plan.isFinishing(p.pr)) && staging.prs.length === departed.length) {
      plan.markLanded([staging]);
      plan.markBaseUnseen();
      continue;
    }
    plan.abandonWithDependents(staging, 'pr-left');
  }
}

/** A staging not built where it should be (the base moved under the chain) tests nothing that can land. */
function abandonBrokenChain(plan: Plan): void {
  const live = inLine(plan.liveStagings());
  const broken = firstBrokenLink(live, plan.snapshot.baseSha);
  if (!broken) return;
  for (const staging of live.slice(live.indexOf(broken))) {
    if (staging.state === 'landing') restoreMovedHeads(plan, staging);
    plan.add({
      kind: 'abandon-staging',
      stagingId: staging.id,
      reason: staging === broken ? 'base-moved' : 'ahead-failed',
      deleteBranch: false,
    });
  }
}

/** A landing GitHub refused for good: its PRs leave, and what was built on it goes. */
function abandonUnlandable(plan: Plan): void {
  for (const staging of plan.liveStagings()) {
    const reason = plan.snapshot.landFailures[staging.id];
    if (reason === undefined || !plan.isLive(staging)) continue;
    for (const entry of plan.remaining().filter((e) => staging.prs.some((p) => p.pr === e.pr)))
      dequeueMember(plan, entry, { kind: 'land-failed', reason });
    plan.abandonWithDependents(staging, 'pr-left');
  }
}

/** Heads a half-done landing left at their squash commits go back to what their authors pushed. */
function restoreMovedHeads(plan: Plan, staging: Staging): void {
  for (const member of staging.prs) {
    const pull = plan.snapshot.pulls.find((p) => p.number === member.pr);
    if (
      pull?.state === 'open' &&
      pull.headSha === member.commitSha &&
      member.headSha !== member.commitSha
    )
      plan.add({
        kind: 'restore-head',
        stagingId: staging.id,
        pr: member.pr,
        from: member.commitSha,
        to: member.headSha,
      });
  }
}

/** A required check that never started: CI does not run on staging branches, or not this check. */
function giveUpOnMissing(plan: Plan, staging: Staging, missing: string[]): void {
  const { snapshot } = plan;
  if (!snapshot.config.ok) return;
  const waited = snapshot.now.getTime() - staging.createdAt.getTime();
  const limit = snapshot.config.config.checks.startTimeoutMinutes * minute;
  const nothingReported = snapshot.requiredChecks.length === 0 && staging.checks.length === 0;
  if (waited < limit || (missing.length === 0 && !nothingReported)) return;
  const waitedMinutes = Math.floor(waited / minute);
  const reason = nothingReported
    ? { kind: 'no-checks' as const, waitedMinutes }
    : { kind: 'check-missing' as const, check: missing[0]!, waitedMinutes };
  for (const entry of plan.remaining().filter((e) => staging.prs.some((p) => p.pr === e.pr)))
    dequeueMember(plan, entry, reason);
  plan.abandonWithDependents(staging, 'pr-left');
}
