import type { CiTrigger } from './ci-state.js';
import type { TriggerScript } from './types.js';
import { matchesBranchFilters } from './branch-glob.js';

export function matchesTrigger(on: TriggerScript, trigger: CiTrigger): boolean {
  if (trigger.event === 'push')
    return on.push !== undefined && matchesBranchFilters(trigger.branch, on.push);
  return on.pull_request === true;
}
