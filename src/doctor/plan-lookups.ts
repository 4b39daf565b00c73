import type { JournalRow } from '../store/types.js';
import { settleMs, type StoreQueue } from './observation.js';
import { parseJournalTarget } from './parse-journal-target.js';

export interface Lookups {
  pulls: number[];
  branches: string[];
}

/**
 * What to read from GitHub for what the store holds: the PR of every active entry and of
 * every journal row old enough to judge, every queue's base, every record's staging branch
 * and every branch a journal row moved. Reads nothing itself.
 */
export function planLookups(input: {
  repo: string;
  now: Date;
  queues: StoreQueue[];
  openRows: JournalRow[];
}): Lookups {
  const pulls = new Set<number>();
  const branches = new Set<string>();
  for (const queue of input.queues) {
    branches.add(queue.base);
    for (const entry of queue.entries) pulls.add(entry.number);
    for (const record of queue.inFlight) branches.add(record.ref);
  }
  for (const row of input.openRows) {
    if (input.now.getTime() - row.createdAt.getTime() < settleMs) continue;
    const target = parseJournalTarget(row, input.repo);
    if (target.kind === 'branch') branches.add(target.branch);
    if (target.kind === 'pull' || target.kind === 'label') pulls.add(target.number);
  }
  return { pulls: [...pulls].sort((a, b) => a - b), branches: [...branches].sort() };
}
