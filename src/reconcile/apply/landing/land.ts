import type { Effect } from '../../../queue/effects.js';
import type { LandingView } from '../../../github/port.js';
import { evaluateChecks } from '../../../queue/evaluate-checks.js';
import { configPath } from '../../load-config.js';
import { cancelRuns } from '../end-staging.js';
import type { ApplyContext, Applied } from '../context.js';
import { confirmChecks } from './confirm-checks.js';
import { confirmPolicy } from './confirm-policy.js';
import { landAtomically } from './land-atomically.js';
import { landInTwoSteps } from './land-in-two-steps.js';
import { landThroughMergeApi } from './land-through-merge-api.js';

export type Land = Extract<Effect, { kind: 'land' }>;

/**
 * Lands exactly what CI tested: a run of passed stagings from the front of the chain, every
 * PR head moving to its own squash commit and the base to the last tip. What gates it is read
 * fresh first: every PR must still be open, labeled and at the tested head, the base still
 * where the first staging was built, and the policy (config, protection, rulesets) no
 * stricter than the one the checks were judged under, and the required checks of the commit
 * the base moves to still passed — all in one request.
 */
export async function applyLand(ctx: ApplyContext, effect: Land): Promise<Applied> {
  const { deps, config, queue } = ctx;
  const front = effect.stagings[0]!;
  const members = effect.stagings.flatMap((s) => s.prs);
  const view = await deps.github.landingView(
    members.map((m) => m.pr),
    { base: queue.base, configPath, tip: effect.stagings.at(-1)!.sha },
  );
  if (!view) return 'stale';
  deps.cache.rememberBase(queue.base, view.baseSha);
  const changed = members.filter((member, i) => {
    const pull = view.pulls[i]!;
    const headOk = pull.headSha === member.headSha || pull.headSha === member.commitSha;
    return pull.state !== 'open' || !pull.labels.includes(config.queue.label) || !headOk;
  });
  if (changed.length > 0) {
    for (const member of changed) deps.cache.forgetPull(member.pr);
    return 'stale';
  }
  if (view.baseSha !== front.baseSha) return 'stale';
  if (!(await confirmPolicy(ctx, view))) return 'stale';
  if (!(await confirmChecks(ctx, effect, view.tipChecks))) return 'stale';
  await markLanding(ctx, effect);
  const applied = await landBy(ctx, effect, view);
  const tip = effect.stagings.at(-1)!.sha;
  if (deps.cache.base(queue.base) === tip) await cancelOvertaken(ctx, effect);
  return applied;
}

async function landBy(ctx: ApplyContext, effect: Land, view: LandingView): Promise<Applied> {
  if (effect.method === 'merge-api') return landThroughMergeApi(ctx, effect, view.pull.headSha);
  if (ctx.deps.host.updateRefs !== false) {
    const atomically = await landAtomically(ctx, effect, view);
    if (atomically !== 'unsupported') return atomically;
  }
  return landInTwoSteps(ctx, effect, view);
}

/**
 * Stagings ahead that landed on a later one's pass (`queue.landOnLaterPass`) while their own
 * checks still ran: those runs test nothing anyone waits for, so their runners are freed.
 */
async function cancelOvertaken(ctx: ApplyContext, effect: Land): Promise<void> {
  const required = ctx.observation.snapshot.requiredChecks;
  for (const staging of effect.stagings.slice(0, -1))
    if (evaluateChecks(required, staging.checks).kind === 'pending')
      await cancelRuns(ctx, staging.sha);
}

async function markLanding(ctx: ApplyContext, effect: Land): Promise<void> {
  const { deps } = ctx;
  for (const staging of effect.stagings) {
    if (staging.state !== 'landing')
      await deps.store.staging.update({
        id: Number(staging.id),
        now: deps.now(),
        changes: { state: 'landing' },
      });
    for (const member of staging.prs) {
      const entry = ctx.observation.snapshot.entries.find((e) => e.pr === member.pr);
      if (entry && entry.state !== 'landing')
        await deps.store.queue.update({
          entryId: Number(entry.id),
          now: deps.now(),
          changes: { state: 'landing' },
          event: { kind: 'landing' },
        });
    }
  }
}
