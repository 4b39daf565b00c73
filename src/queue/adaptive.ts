/**
 * How much the queue takes on at once, from its own recent record: the speculative depth
 * (`queue.parallel: auto`, Zuul's window) and the size of batches of untested PRs.
 */
import type { SluiceConfig } from '../config/index.js';
import type { QueueSnapshot } from './types.js';

type Recent = QueueSnapshot['recentOutcomes'];

/** Stagings in flight at most, the chain and probes together. */
export function stagingLimit(config: SluiceConfig): number {
  if (config.landing.strategy === 'merge-api') return 1;
  const { parallel, parallelWindow } = config.queue;
  return parallel === 'auto' ? parallelWindow.max : parallel;
}

/**
 * Stagings in the chain at most. `auto`: starts at the floor, one more for every chain
 * staging that passed, halved (not below the floor) for every one that failed — a failure in
 * the chain costs every staging behind it. Replayed over the recent record, so it needs no
 * state of its own and a restart changes nothing. Probes do not count: failing is their job.
 */
export function stagingDepth(config: SluiceConfig, recent: Recent): number {
  if (config.landing.strategy === 'merge-api') return 1;
  const { parallel, parallelWindow } = config.queue;
  if (parallel !== 'auto') return parallel;
  let window = parallelWindow.min;
  for (const { outcome } of recent.filter((r) => !r.probe))
    window =
      outcome === 'rejected'
        ? Math.max(parallelWindow.min, Math.floor(window / 2))
        : Math.min(parallelWindow.max, window + 1);
  return window;
}

/**
 * The share of PRs that turn out broken, recently: culprits found (a single PR rejected)
 * over PRs judged (landed, or found broken). A prior worth forty PRs at 5 % — PRs reach the
 * queue having passed their own CI, and most pass again — keeps a young queue, or a short
 * run of bad luck, from shrinking batches that suit the queue's real rate.
 */
export function brokenShare(recent: Recent): number {
  let broken = 2;
  let judged = 40;
  for (const { size, outcome } of recent) {
    if (outcome === 'rejected' && size === 1) broken++;
    if (outcome === 'landed' || (outcome === 'rejected' && size === 1)) judged += size;
  }
  return broken / judged;
}

/**
 * PRs per batch of untested PRs. Adaptive (the default): the power of two n that tests the
 * fewest times per PR for the recent broken share p. A batch of n costs one run; each broken
 * PR in it costs about log₂ n + 1 more (the failed batch, then halves until it stands alone —
 * a half that passes lands, and the other half's tree is the failed one), so a PR costs
 * 1/n + p·(log₂ n + 1) runs, least at n = 2^⌊log₂(1/p)⌋ (Hwang's generalised binary
 * splitting): 8 below 12.5 %, 4 below 25 %, 2 below 38 %; above that (3 − √5)/2, where no
 * group test beats testing one by one (Ungar), 1. Never above `queue.batch.maxSize`.
 */
export function batchSize(config: SluiceConfig, recent: Recent): number {
  const { maxSize, adaptive } = config.queue.batch;
  if (!adaptive) return maxSize;
  const share = brokenShare(recent);
  const size = share >= (3 - Math.sqrt(5)) / 2 ? 1 : 2 ** Math.floor(Math.log2(1 / share));
  return Math.max(1, Math.min(maxSize, size));
}
