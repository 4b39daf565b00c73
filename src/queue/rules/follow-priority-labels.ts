import type { Plan } from '../plan.js';
import type { SluiceConfig } from '../../config/index.js';
import type { PriorityCause } from '../effects.js';
import { priorityLabel } from '../priority-label.js';

/**
 * Priority labels (`queue.priority.labels`), read from the PR as it is now rather than from a
 * webhook: a label added, changed or removed since the entry last saw one sets its priority
 * (removed: `normal`). A command changes the priority without touching the label seen, so the
 * latest change wins, whichever way it was made.
 */
export function followPriorityLabels(plan: Plan, config: SluiceConfig): void {
  const pulls = new Map(plan.snapshot.pulls.map((p) => [p.number, p]));
  for (const entry of plan.remaining()) {
    const pull = pulls.get(entry.pr);
    if (!pull || pull.state !== 'open') continue;
    const label = priorityLabel(pull.labels, config);
    const cause = labelChange(label?.label ?? null, entry.priorityLabel);
    if (!cause) continue;
    plan.add({
      kind: 'set-priority',
      entryId: entry.id,
      pr: entry.pr,
      headSha: entry.headSha,
      from: entry.priority,
      to: label?.priority ?? 'normal',
      priorityLabel: label?.label ?? null,
      cause,
    });
  }
}

/** What happened to the priority label since the entry last saw one; undefined: nothing. */
function labelChange(now: string | null, seen: string | null): PriorityCause | undefined {
  if (now !== null)
    return now.toLowerCase() === seen?.toLowerCase() ? undefined : { kind: 'label', label: now };
  return seen === null ? undefined : { kind: 'label-removed', label: seen };
}
