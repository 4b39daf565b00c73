import { evaluateChecks } from '../../../queue/evaluate-checks.js';
import type { ObservedCheck } from '../../../queue/types.js';
import type { ApplyContext } from '../context.js';
import type { Land } from './land.js';

/**
 * The checks of the commit the base moves to, read fresh right before the write (with the
 * landing view, in the same request): the decision
 * to land was made on cached checks, and a required check re-run since (by a person, or a
 * re-run that failed) must stop the landing, not be found afterwards. The fresh answer
 * replaces the cached one, so a landing refused here is decided again on it.
 */
export async function confirmChecks(
  ctx: ApplyContext,
  effect: Land,
  /** Read with the landing view; undefined when they did not fit it. */
  read: ObservedCheck[] | undefined,
): Promise<boolean> {
  const { deps, observation } = ctx;
  const tip = effect.stagings.at(-1)!.sha;
  const required = observation.snapshot.requiredChecks;
  const version = deps.cache.checksVersion(tip);
  const checks = (read ?? (await deps.github.checksOn(tip, required))).filter(
    (c) => c.name !== deps.settings.checkName,
  );
  deps.cache.rememberChecks(tip, checks, version);
  if (evaluateChecks(required, checks).kind === 'passed') return true;
  deps.log.warn(
    { ...ctx.queue, tip, checks: checks.map((c) => `${c.name}:${c.conclusion ?? c.state}`) },
    'the checks of the commit to land no longer pass: deciding again',
  );
  return false;
}
