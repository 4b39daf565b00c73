import { describe, expect, it } from '@jest/globals';
import { StallError, waitForProgress } from '../../control/wait-for-progress.js';
import { stallMs } from '../../control/stall-ms.js';

/** A clock that jumps at every reading: elapsed time is huge, progress is what counts. */
function jumpingClock(stepMs = 60_000): () => number {
  let t = 0;
  return () => (t += stepMs);
}

describe('waiting on progress instead of time', () => {
  it('keeps waiting far past the stall period while something keeps moving', async () => {
    let looks = 0;
    const now = jumpingClock(1_000);
    await waitForProgress({
      what: 'twenty looks',
      outstanding: () => (looks < 20 ? (looks++, ['more looks']) : []),
      sources: [{ name: 'looks', read: () => String(looks) }],
      stallMs: 5_000,
      now,
    });
    expect(now()).toBeGreaterThan(8 * 5_000);
  });

  it('fails after a stall, naming what it waited for and what moved last', async () => {
    const error = await waitForProgress({
      what: 'the app to settle',
      outstanding: () => ['the app to be idle'],
      sources: [{ name: 'app log', read: () => 'line 3: reconcile scheduled' }],
      stallMs: 1_000,
      now: jumpingClock(),
      describe: () => 'the tail of the traffic',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StallError);
    expect((error as Error).message).toMatch(
      /^stalled waiting for the app to settle: nothing moved for \d+ s\n {2}still waiting for: the app to be idle\n {2}last progress: nothing moved since the wait began \(\d+\.\d s ago\)\n {2}\(SLUICE_STALL_MS sets how long a wait may see no progress\)\nthe tail of the traffic$/,
    );
  });

  it('does not end on a look during which something moved, but looks again', async () => {
    let moved = 0;
    let looks = 0;
    await waitForProgress({
      what: 'quiet',
      outstanding: () => {
        looks += 1;
        if (looks === 1) moved += 1;
        return [];
      },
      sources: [{ name: 'counter', read: () => String(moved) }],
    });
    expect(looks).toBe(2);
  });

  it('tells a slow wait what it still waits for', async () => {
    const reports: string[] = [];
    let looks = 0;
    await waitForProgress({
      what: 'CI to finish',
      outstanding: () => (looks < 3 ? (looks++, ['the test job']) : []),
      sources: [{ name: 'looks', read: () => String(looks) }],
      slowMs: 1,
      onSlow: (report) => reports.push(report),
      now: jumpingClock(),
    });
    expect(reports[0]).toMatch(
      /^still waiting after \d+ s for CI to finish: the test job; last progress: looks: 1 \(\d+\.\d s ago\)$/,
    );
  });

  it('takes its stall period from SLUICE_STALL_MS, 120 s when unset, and refuses nonsense', () => {
    expect(stallMs({})).toBe(120_000);
    expect(stallMs({ SLUICE_STALL_MS: '600000' })).toBe(600_000);
    expect(() => stallMs({ SLUICE_STALL_MS: 'soon' })).toThrow(
      'SLUICE_STALL_MS must be a positive whole number of milliseconds, not "soon"',
    );
  });
});
