import type { Priority, QueueEntry } from './types.js';

const rank: Record<Priority, number> = { high: 0, normal: 1, low: 2 };

/**
 * The queue's one order, wherever entries are lined up (the next batch, the chain, places in
 * line): higher priority first, then the order they were queued in. A priority changes only
 * where an entry waits: stagings already built keep theirs (`queue.priority.interrupt`).
 */
export function queueOrder<T extends Pick<QueueEntry, 'priority' | 'seq'>>(
  entries: readonly T[],
): T[] {
  return [...entries].sort((a, b) => rank[a.priority] - rank[b.priority] || a.seq - b.seq);
}

/** `a` goes ahead of `b` by priority alone (not merely by having been queued first). */
export function outranks(a: Priority, b: Priority): boolean {
  return rank[a] < rank[b];
}
