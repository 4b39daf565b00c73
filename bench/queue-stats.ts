/** The arithmetic of the merge-queue benchmark: percentiles and the request-count fit. */
import type { RequestCount } from './queue-requests.js';

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * Fits requests(n) = fixed·n + perWaiting·n(n−1)/2 through the two queued runs: a landing
 * costs `fixed`, plus `perWaiting` for every PR still waiting behind it.
 */
export function fitQueueCost(
  a: RequestCount,
  b: RequestCount,
): { fixed: number; perWaiting: number } {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const perWaiting =
    (b.total * a.merged - a.total * b.merged) /
    (pairs(b.merged) * a.merged - pairs(a.merged) * b.merged);
  return { perWaiting, fixed: (a.total - perWaiting * pairs(a.merged)) / a.merged };
}
