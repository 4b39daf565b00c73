import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeGitHub } from '../../fake-github.js';

describe('settle on a stand-in whose app never goes idle', () => {
  let gh: FakeGitHub;
  beforeAll(async () => {
    gh = await FakeGitHub.start();
  });
  afterAll(() => gh.close());

  it('keeps waiting while the app moves, and settles once it is idle', async () => {
    let looks = 0;
    await gh.settle({
      stallMs: 60_000,
      probes: [{ name: 'the app', idle: () => Promise.resolve(++looks > 5) }],
      // Its log moves until it is idle, then stops.
      progress: [{ name: 'app log', read: () => String(Math.min(looks, 6)) }],
    });
    expect(looks).toBeGreaterThan(5);
  });

  it('fails after a stall, naming the probe it waited for and the last progress', async () => {
    const error = await gh
      .settle({ stallMs: 200, probes: [{ name: 'the app', idle: () => Promise.resolve(false) }] })
      .catch((e: unknown) => e);
    expect(String(error)).toMatch(
      /^StallError: stalled waiting for the stand-in and the app to settle: nothing moved for \d+ s\n {2}still waiting for: the app to be idle\n {2}last progress: nothing moved since the wait began \(\d+\.\d s ago\)\n/,
    );
    expect(String(error)).toContain('last requests:');
  });
});
