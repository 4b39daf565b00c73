import type { Scenario } from '../../test/e2e/support/scenario.js';
import type { Paint } from './paint.js';
import { isSettled, readPullState, type TrackedPull } from './read-pull-state.js';
import { describeState, renderQueue, type QueueRow } from './render-queue.js';

export interface PlayOptions {
  pulls: TrackedPull[];
  print: (line: string) => void;
  paint: Paint;
  /** How far the virtual clock moves per step. */
  tickMs: number;
  /** Give up when the queue has not drained after this much virtual time. */
  maxVirtualMs: number;
  /**
   * Told what the demo waits for when a step is slow (a busy machine): the demo waits on
   * progress, never on a wall-clock limit, and fails only when nothing moves at all.
   */
  onSlow: (report: string) => void;
  /** After each step of the stand-in's clock (the screenshots move the app's clock with it). */
  onTick?: (ms: number) => Promise<void>;
}

/** How much virtual time passed, and why the demo gave up when the queue did not drain. */
export interface PlayResult {
  virtualMs: number;
  stuck?: string;
}

/**
 * Plays the stand-in's virtual clock forward, letting CI (auto mode) and the app do their
 * work after every step, and prints the queue whenever a pull request's state changes, until
 * every pull request is merged or dequeued.
 */
export async function playQueue(s: Scenario, options: PlayOptions): Promise<PlayResult> {
  const clock = s.gh.world.clock;
  const start = clock.now().getTime();
  let previous: string[] = [];
  const look = (): QueueRow[] => {
    const rows = options.pulls.map((pull) => ({ pull, state: readPullState(s, pull) }));
    const texts = rows.map(({ state }) => describeState(state));
    if (texts.join('\n') !== previous.join('\n')) {
      const view = renderQueue({ at: clock.now(), rows, previous, paint: options.paint });
      for (const line of ['', ...view]) options.print(line);
      previous = texts;
    }
    return rows;
  };
  await s.settle({ onSlow: options.onSlow });
  const elapsed = () => clock.now().getTime() - start;
  while (!look().every(({ state }) => isSettled(state))) {
    if (elapsed() >= options.maxVirtualMs)
      return { virtualMs: elapsed(), stuck: 'the queue did not drain on the virtual clock' };
    clock.advance(options.tickMs);
    await options.onTick?.(options.tickMs);
    await s.settle({ onSlow: options.onSlow });
  }
  return { virtualMs: elapsed() };
}
