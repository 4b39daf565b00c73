import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startFaultWorld, type FaultWorld } from './support/fault-world.js';

/** Every test here needs a stand-in with no violation recorded yet. */
let w: FaultWorld;
let pull: number;
beforeEach(async () => {
  w = await startFaultWorld();
  pull = await w.openPull();
  w.endpoint.answer = (delivery) => (delivery.event === 'issue_comment' ? 500 : 200);
});
afterEach(() => w.gh.close());

const commentAndSettle = async () => {
  w.repo.comment(pull, 'hello', 'alice');
  await w.gh.settle({ quietMs: 20 });
};

describe('a delivery the app answers with 500', () => {
  it('is recorded as failed and reported by assertClean, with the status', async () => {
    await commentAndSettle();
    expect(w.gh.deliveries.records.at(-1)).toMatchObject({
      event: 'issue_comment',
      state: 'failed',
      status: 500,
    });
    expect(() => w.gh.assertClean()).toThrow(/webhook-failed: issue_comment\.created\n\s+500/);
  });

  it('passes assertClean when the test allows failed deliveries', async () => {
    await commentAndSettle();
    expect(() => w.gh.assertClean({ allow: ['webhook-failed'] })).not.toThrow();
  });

  it('passes assertClean when that delivery was marked as expected to fail before it went out', async () => {
    w.gh.deliveries.addChaos({ event: 'issue_comment', times: 1, effect: { kind: 'hold' } });
    await commentAndSettle();
    const held = w.gh.deliveries.records.filter((r) => r.state === 'held');
    for (const record of held) record.expectedToFail = true;
    w.gh.deliveries.releaseHeld();
    await w.gh.settle({ quietMs: 20 });

    expect(held.map((r) => [r.state, r.status])).toEqual([['failed', 500]]);
    expect(() => w.gh.assertClean()).not.toThrow();
  });
});
