import type { Plan } from '../plan.js';
import type { SluiceConfig } from '../../config/index.js';
import type { Priority, Staging } from '../types.js';
import { inLine, stagingsBuiltOn } from '../chain.js';
import { evaluateChecks } from '../evaluate-checks.js';
import { outranks } from '../queue-order.js';
import { batchReady, nextBatch } from './next-batch.js';

/**
 * With `queue.priority.interrupt`, a PR waiting at a higher priority than one under test goes
 * first: the first staging still testing a PR it outranks is abandoned (its CI cancelled), with
 * every staging built on it, and the next staging is built from the front of the queue again.
 * Only when that next staging would start with a PR that outranks it: a higher-priority PR on
 * hold (approvals, a draft, a conflict with PRs ahead) interrupts nothing. Stagings that passed
 * or failed are not interrupted: their result is in.
 */
export function makeWayForPriority(plan: Plan, config: SluiceConfig): void {
  if (!config.queue.priority.interrupt) return;
  const live = plan.liveStagings();
  const priorities = new Map(plan.remaining().map((e) => [e.pr, e.priority]));
  const staged = new Set(live.flatMap((s) => s.prs.map((p) => p.pr)));
  const [first] = plan.remaining().filter((e) => !staged.has(e.pr));
  if (!first) return;
  for (const staging of inLine(live)) {
    if (!underTest(plan, staging)) continue;
    const lowest = lowestOf(staging, priorities);
    if (!outranks(first.priority, lowest)) continue;
    const doomed = [staging, ...stagingsBuiltOn(live, staging)];
    const batch = nextBatch(plan, config, 'in-line', doomed);
    const next = batch?.entries[0];
    if (batch && next && outranks(next.priority, lowest) && batchReady(plan, config, batch))
      plan.abandonWithDependents(staging, 'priority');
    return;
  }
}

/** Its checks are still running: its result is not in. */
function underTest(plan: Plan, staging: Staging): boolean {
  return (
    staging.state === 'testing' &&
    staging.knownFailure === null &&
    evaluateChecks(plan.snapshot.requiredChecks, staging.checks).kind === 'pending'
  );
}

function lowestOf(staging: Staging, priorities: ReadonlyMap<number, Priority>): Priority {
  let lowest: Priority = 'high';
  for (const { pr } of staging.prs) {
    const priority = priorities.get(pr) ?? 'normal';
    if (outranks(lowest, priority)) lowest = priority;
  }
  return lowest;
}
