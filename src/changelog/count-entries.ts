import type { SummaryCounts } from './messages.js';
import type { ChangelogEntry } from './types.js';

/** How many commits ended where: the job summary shows it so nothing vanishes unnoticed. */
export function countEntries(entries: readonly ChangelogEntry[]): SummaryCounts {
  const counts: SummaryCounts = { listed: 0, hidden: 0, ignored: 0, cancelled: 0 };
  for (const entry of entries) counts[entry.status.kind]++;
  return counts;
}
