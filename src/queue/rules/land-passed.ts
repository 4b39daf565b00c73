import type { Plan } from '../plan.js';
import type { SluiceConfig } from '../../config/index.js';
import type { Staging } from '../types.js';
import { evaluateChecks } from '../evaluate-checks.js';
import { landingMethod } from '../landing-method.js';
import { inLine } from '../chain.js';

/**
 * Lands from the front of the chain: the front staging once its tip passed, together with
 * every staging right behind it that passed too (each tip passed, and the last contains them
 * all), in one landing. With `queue.landOnLaterPass`, a later staging that passed lands with
 * everything ahead of it even while those are still testing: its tip contains them and passed.
 * While the queue is paused nothing lands, but a landing already under way is finished: its
 * writes may be half done.
 */
export function landPassed(plan: Plan, config: SluiceConfig): void {
  const { snapshot } = plan;
  const live = inLine(plan.liveStagings());
  const front = live[0];
  if (!front || front.baseSha !== snapshot.baseSha || front.state === 'failed') return;
  if (snapshot.paused && front.state !== 'landing') return;
  const method = landingMethod(snapshot, config, front);
  if (method === 'merge-api') {
    if (passed(plan, front)) plan.add({ kind: 'land', stagings: [front], method });
    return;
  }
  // The unbroken run of stagings from the front, each built on the one before.
  const run: Staging[] = [];
  for (const staging of live) {
    const below = run.at(-1)?.sha ?? snapshot.baseSha;
    if (staging.baseSha !== below || staging.state === 'failed' || failing(plan, staging)) break;
    if (landingMethod(snapshot, config, staging) !== 'fast-forward') break;
    if (snapshot.paused && staging.state !== 'landing') break;
    run.push(staging);
  }
  const lastPassed = config.queue.landOnLaterPass
    ? run.findLastIndex((s) => passed(plan, s))
    : run.findIndex((s) => !passed(plan, s)) - 1;
  const count = lastPassed === -2 ? run.length : lastPassed + 1;
  if (count <= 0) return;
  plan.add({ kind: 'land', stagings: run.slice(0, count), method });
}

/** A failure is never overridden by a later pass: it is judged (retried, split, dequeued) first. */
function failing(plan: Plan, staging: Staging): boolean {
  return (
    staging.knownFailure !== null ||
    evaluateChecks(plan.snapshot.requiredChecks, staging.checks).kind === 'failed'
  );
}

function passed(plan: Plan, staging: Staging): boolean {
  return (
    plan.isLive(staging) &&
    !staging.knownFailure &&
    evaluateChecks(plan.snapshot.requiredChecks, staging.checks).kind === 'passed'
  );
}
