import type { SluiceRuntime } from './sluice-runtime.js';

export interface SweepSchedule {
  /** Every queue with entries is reconciled this often. */
  intervalMs: number;
  /** Every this many sweeps, installed repositories are searched for unrecorded labels. */
  discoverEvery: number;
}

/** The start-up sweep (resume whatever was in flight), then periodic ones; returns a stop function. */
export function startSweeps(runtime: SluiceRuntime, schedule: SweepSchedule): () => void {
  const sweeps = runtime.sweeps;
  sweeps.discoverEvery = schedule.discoverEvery;
  const tick = (): void => {
    // A sweep still running (a slow GitHub, many repositories) covers this turn.
    if (sweeps.busy) return;
    sweeps.run().catch((error: unknown) => runtime.log.warn({ err: error }, 'sweep failed'));
  };
  tick();
  const timer = setInterval(tick, schedule.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
