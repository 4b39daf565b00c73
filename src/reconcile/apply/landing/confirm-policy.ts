import type { LandingView } from '../../../github/port.js';
import { loadConfigText } from '../../load-config.js';
import type { ApplyContext } from '../context.js';

/**
 * The policy a landing is gated by, confirmed against a fresh read right before the write: the
 * config on the default branch and the base's protection and rulesets. A decision made on a
 * cached policy that has since been tightened — a newly required check, more approvals, any
 * config change — is not acted on: the queue is decided again under the fresh policy. Either
 * way the fresh reads replace the cached ones. Returns true when the decision may stand.
 */
export async function confirmPolicy(ctx: ApplyContext, view: LandingView): Promise<boolean> {
  const { deps, queue, observation } = ctx;
  const { snapshot } = observation;
  const fresh = await loadConfigText(deps.github, view.configText ?? undefined, {
    orgText: view.orgConfigText ?? undefined,
  });
  const sameConfig =
    fresh.ok &&
    snapshot.config.ok &&
    JSON.stringify(fresh.config) === JSON.stringify(snapshot.config.config);
  const decidedUnder = new Set(snapshot.requiredChecks);
  const required = [...view.policy.checks, ...(fresh.ok ? fresh.config.checks.required : [])];
  const approvals = Math.max(
    view.policy.approvals,
    fresh.ok ? fresh.config.queue.requiredApprovals : 0,
  );
  const covered =
    required.every((check) => decidedUnder.has(check)) && approvals <= snapshot.requiredApprovals;
  // Read this instant: what the cache holds from now on, so the queue's next observations
  // need not read them again while landings keep coming.
  deps.cache.rememberConfig(fresh);
  deps.cache.rememberPolicy(queue.base, view.policy);
  if (sameConfig && covered) return true;
  deps.log.info(
    { ...queue, newlyRequired: required.filter((c) => !decidedUnder.has(c)), sameConfig },
    'the policy changed since this landing was decided: deciding again under the new one',
  );
  return false;
}
