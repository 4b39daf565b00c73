import type { Effect } from './effects.js';
import type { QueueSnapshot } from './types.js';
import { Plan } from './plan.js';
import { handleCommands } from './rules/handle-commands.js';
import { handleDepartures } from './rules/handle-departures.js';
import { followPriorityLabels } from './rules/follow-priority-labels.js';
import { progressStagings } from './rules/progress-stagings.js';
import { startStagings } from './rules/start-stagings.js';

/**
 * The merge queue's one decision: given everything observed about a base branch, what to do
 * next. Pure and total: the same snapshot always gives the same effects, so a missed,
 * duplicated or reordered webhook can only delay the queue, never corrupt it.
 *
 * Rules run in priority order: requests, then departures (a PR that left must not be staged
 * or landed), then priority labels, then the stagings in flight (front to back), then the next
 * staging at the back of the chain. A broken config stops all of it: nothing is queued, staged
 * or landed until the default branch has a valid config. A paused queue (`snapshot.paused`)
 * still takes requests and judges what CI reports, but starts and lands nothing.
 */
export function decide(snapshot: QueueSnapshot): Effect[] {
  if (!snapshot.config.ok) return [];
  const { config } = snapshot.config;
  const plan = new Plan(snapshot);
  handleCommands(plan, config);
  handleDepartures(plan, config);
  followPriorityLabels(plan, config);
  progressStagings(plan, config);
  startStagings(plan, config);
  return plan.effects;
}
