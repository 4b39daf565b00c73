import { ProgressWatch, type ProgressSource } from './progress-watch.js';
import { stallEnvVar, stallMs as defaultStallMs } from './stall-ms.js';

export interface WaitOptions {
  /** What is awaited, as a sentence ends: "the stand-in and the app to settle". */
  what: string;
  /** What is still outstanding, in words; an empty list ends the wait. */
  outstanding(): string[] | Promise<string[]>;
  /** What counts as progress while waiting. */
  sources: ProgressSource[];
  /** Fail after this long without progress; defaults to SLUICE_STALL_MS or 120 s. */
  stallMs?: number;
  /** Told what the wait still waits for, each time this long passes without it ending. */
  onSlow?: (report: string) => void;
  slowMs?: number;
  /** Extra detail for the failure message (the tail of the traffic, an app log). */
  describe?: () => string;
  now?: () => number;
}

/** A wait that saw no progress for its whole stall period. */
export class StallError extends Error {
  override name = 'StallError';
}

/**
 * Waits until nothing is outstanding. Elapsed time alone never fails it: it fails only after
 * `stallMs` in which no source moved, naming what it waited for and the last thing that moved.
 * A check that saw progress while it ran is not trusted to be the end: it looks again.
 */
export async function waitForProgress(options: WaitOptions): Promise<void> {
  const now = options.now ?? Date.now;
  const stallMs = options.stallMs ?? defaultStallMs();
  const slowMs = options.slowMs ?? 10_000;
  const watch = new ProgressWatch(options.sources, now);
  const started = now();
  let nextSlowReport = started + slowMs;
  for (;;) {
    watch.observe();
    const outstanding = await options.outstanding();
    const moved = watch.observe();
    if (outstanding.length === 0 && !moved) return;
    const waiting = outstanding.join('; ') || 'a look without progress';
    if (watch.quietMs >= stallMs)
      throw new StallError(
        [
          `stalled waiting for ${options.what}: nothing moved for ${Math.round(watch.quietMs / 1000)} s`,
          `  still waiting for: ${waiting}`,
          `  last progress: ${watch.describeLast()}`,
          `  (${stallEnvVar} sets how long a wait may see no progress)`,
          ...(options.describe ? [options.describe()] : []),
        ].join('\n'),
      );
    if (options.onSlow && now() >= nextSlowReport) {
      const seconds = Math.round((now() - started) / 1000);
      options.onSlow(
        `still waiting after ${seconds} s for ${options.what}: ${waiting}; last progress: ${watch.describeLast()}`,
      );
      nextSlowReport = now() + slowMs;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
