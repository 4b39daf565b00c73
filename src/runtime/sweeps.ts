import type { SluiceRuntime } from './sluice-runtime.js';
import { sweep } from './sweep.js';

export interface SweepSchedule {
  /** Every queue with entries is reconciled this often. */
  intervalMs: number;
  /** Every this many sweeps, installed repositories are searched for unrecorded labels. */
  discoverEvery: number;
}

/** The start-up sweep (resume whatever was in flight), then periodic ones; returns a stop function. */
export function startSweeps(runtime: SluiceRuntime, schedule: SweepSchedule): () => void {
  let count = 0;
  let running = false;
  const tick = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      await sweep(runtime, { discover: count % schedule.discoverEvery === 0 });
      count++;
    } catch (error) {
      runtime.log.warn({ err: error }, 'sweep failed');
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), schedule.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
