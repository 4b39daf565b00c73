import type { Priority } from '../queue/types.js';
import { nameWithoutPing } from './markdown.js';

/**
 * The answer to `/sluice queue --priority …` on a queued pull request: what changed and what
 * it means. A label's change is on the pull request for all to see, and is not answered.
 */
export function renderPriorityComment(change: {
  by: string;
  from: Priority;
  to: Priority;
}): string {
  const who = nameWithoutPing(change.by);
  const meaning: Record<Priority, string> = {
    high: 'It goes ahead of every normal and low priority pull request that is not being tested yet.',
    normal:
      'It waits behind high priority pull requests and ahead of low priority ones, in queue order.',
    low: 'Every high and normal priority pull request that is not being tested yet goes ahead of it.',
  };
  return `**Priority: ${change.to}** (was ${change.from}), set by ${who}. ${meaning[change.to]}\n`;
}
