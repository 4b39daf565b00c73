import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startFaultWorld, type FaultWorld } from './support/fault-world.js';

describe('webhook chaos', () => {
  let w: FaultWorld;
  let pull: number;
  let firstSeq: number;
  beforeAll(async () => {
    w = await startFaultWorld();
  });
  beforeEach(async () => {
    w.nextTest();
    pull = await w.openPull();
    firstSeq = w.gh.deliveries.records.length + 1;
  });
  afterAll(() => w.gh.close());

  const say = (body: string) => void w.repo.comment(pull, body, 'alice');
  const settled = () => w.gh.settle({ quietMs: 20 });
  /** The comment each arrival was about, in arrival order. */
  const heard = () =>
    w.arrivals.map((a) => (JSON.parse(a.body) as { comment: { body: string } }).comment.body);
  const records = () => w.gh.deliveries.records.filter((r) => r.seq >= firstSeq);

  it('drops a delivery: the app never hears of it, the record says so', async () => {
    w.gh.deliveries.addChaos({ event: 'issue_comment', times: 1, effect: { kind: 'drop' } });
    say('one');
    say('two');
    await settled();
    expect(heard()).toEqual(['two']);
    expect(records().map((r) => r.state)).toEqual(['dropped', 'delivered']);
  });

  it('duplicates a delivery under the same X-GitHub-Delivery, as a redelivery', async () => {
    w.gh.deliveries.addChaos({ event: 'issue_comment', times: 1, effect: { kind: 'duplicate' } });
    say('once');
    await settled();
    expect(heard()).toEqual(['once', 'once']);
    expect(w.arrivals[1]!.id).toBe(w.arrivals[0]!.id);
    expect(records().map((r) => r.redelivery)).toEqual([false, true]);
  });

  it('delays a delivery: the next one overtakes it', async () => {
    w.gh.deliveries.addChaos({
      event: 'issue_comment',
      times: 1,
      effect: { kind: 'delay', ms: 200 },
    });
    const started = Date.now();
    say('slow');
    say('fast');
    await settled();
    expect(heard()).toEqual(['fast', 'slow']);
    expect(w.arrivals[1]!.at - started).toBeGreaterThanOrEqual(200);
  });

  it('holds deliveries until released, and releases them in reverse to reorder', async () => {
    w.gh.deliveries.addChaos({ event: 'issue_comment', times: 3, effect: { kind: 'hold' } });
    say('a');
    say('b');
    say('c');
    await settled();
    expect(heard()).toEqual([]);
    expect(records().map((r) => r.state)).toEqual(['held', 'held', 'held']);

    expect(w.gh.deliveries.releaseHeld('reverse')).toBe(3);
    await settled();
    expect(heard()).toEqual(['c', 'b', 'a']);
  });

  it('redelivers with the original delivery id, the same bytes and signature', async () => {
    say('again');
    await settled();
    const [original] = records();
    const copy = w.gh.deliveries.redeliver(original!.guid);
    await settled();

    expect(w.arrivals.map((a) => a.id)).toEqual([original!.guid, original!.guid]);
    expect(w.arrivals[1]!.body).toBe(w.arrivals[0]!.body);
    expect(copy).toMatchObject({ guid: original!.guid, redelivery: true, state: 'delivered' });
    expect(copy.headers['x-hub-signature-256']).toBe(original!.headers['x-hub-signature-256']);
    expect(copy.seq).toBeGreaterThan(original!.seq);
  });
});
