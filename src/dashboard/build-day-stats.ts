import { endOf, type EndedEntry } from './build-history.js';
import { median } from './median.js';
import type { DayStatView } from './queue-view.js';

const day = 86_400_000;

/**
 * One row per UTC day of the window ending today (`now`'s day), oldest first, days without
 * activity included so the charts keep a steady time axis. Time to merge runs from queueing
 * to landing, the wait a PR's author feels.
 */
export function buildDayStats(input: {
  ended: readonly EndedEntry[];
  days: number;
  now: Date;
}): DayStatView[] {
  const count = Number.isFinite(input.days) ? Math.max(1, Math.floor(input.days)) : 14;
  const today = Math.floor(input.now.getTime() / day);
  const buckets = Array.from({ length: count }, () => ({
    merged: 0,
    dequeued: 0,
    minutes: [] as number[],
  }));
  for (const ended of input.ended) {
    const end = endOf(ended);
    if (!end) continue;
    const bucket = buckets[Math.floor(end.at.getTime() / day) - today + count - 1];
    if (!bucket) continue;
    if (end.kind === 'dequeued') {
      bucket.dequeued++;
      continue;
    }
    bucket.merged++;
    bucket.minutes.push(Math.max(0, end.at.getTime() - ended.entry.queuedAt.getTime()) / 60_000);
  }
  return buckets.map((bucket, index) => ({
    day: new Date((today - count + 1 + index) * day).toISOString().slice(0, 10),
    merged: bucket.merged,
    dequeued: bucket.dequeued,
    medianMinutesToMerge: median(bucket.minutes),
  }));
}
