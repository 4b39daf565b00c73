import type { Effect } from '../../../queue/effects.js';
import { configPath } from '../../load-config.js';
import type { ApplyContext, Applied } from '../context.js';
import { confirmPolicy } from './confirm-policy.js';
import { landAtomically } from './land-atomically.js';
import { landInTwoSteps } from './land-in-two-steps.js';
import { landThroughMergeApi } from './land-through-merge-api.js';

export type Land = Extract<Effect, { kind: 'land' }>;

/**
 * Lands exactly the commit CI tested. What gates it is read fresh in one request first: the PR
 * must still be open, labeled and at the tested head, the base still at the staging commit's
 * parent, and the policy (config, protection, rulesets) no stricter than the one the checks
 * were judged under.
 */
export async function applyLand(ctx: ApplyContext, effect: Land): Promise<Applied> {
  const { deps, config, queue } = ctx;
  const { staging } = effect;
  const member = staging.prs[0]!;
  const view = await deps.github.landingView(member.pr, { base: queue.base, configPath });
  if (!view) return 'stale';
  deps.cache.rememberBase(queue.base, view.baseSha);
  const { pull } = view;
  const headOk = pull.headSha === member.headSha || pull.headSha === staging.sha;
  if (pull.state !== 'open' || !pull.labels.includes(config.queue.label) || !headOk) {
    deps.cache.forgetPull(member.pr);
    return 'stale';
  }
  if (view.baseSha !== staging.baseSha) return 'stale';
  if (!(await confirmPolicy(ctx, view))) return 'stale';
  await markLanding(ctx, staging.id, member.pr);
  if (effect.method === 'merge-api') return landThroughMergeApi(ctx, effect, pull.headSha);
  if (deps.host.updateRefs !== false) {
    const atomically = await landAtomically(ctx, effect, view);
    if (atomically !== 'unsupported') return atomically;
  }
  return landInTwoSteps(ctx, effect, pull);
}

async function markLanding(ctx: ApplyContext, stagingId: string, pr: number): Promise<void> {
  const { deps } = ctx;
  await deps.store.staging.update({
    id: Number(stagingId),
    now: deps.now(),
    changes: { state: 'landing' },
  });
  const entry = ctx.observation.snapshot.entries.find((e) => e.pr === pr);
  if (entry && entry.state !== 'landing')
    await deps.store.queue.update({
      entryId: Number(entry.id),
      now: deps.now(),
      changes: { state: 'landing' },
      event: { kind: 'landing' },
    });
}
