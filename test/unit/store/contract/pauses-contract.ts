import { describe, expect, it } from '@jest/globals';
import { minute } from '../support/builders.js';
import type { ContractContext } from './contract-context.js';

const queue = { repo: 'octo/widgets', base: 'main' };

export function describePausesContract({ store }: ContractContext): void {
  describe('operator pauses', () => {
    const pause = (reason: string, by: string, at: number) =>
      store().pauses.pause({ ...queue, reason, by, now: minute(at) });

    it('pauses a queue and reads the pause back', async () => {
      expect(await store().pauses.get(queue)).toBeUndefined();
      const expected = { ...queue, reason: 'Cutting 2.4', pausedBy: 'mona', pausedAt: minute(1) };
      expect(await pause('Cutting 2.4', 'mona', 1)).toEqual({ changed: true, pause: expected });
      expect(await store().pauses.get(queue)).toEqual(expected);
      expect(await store().pauses.get({ ...queue, base: 'release' })).toBeUndefined();
    });

    it('keeps the first pause when paused again for the same reason', async () => {
      await pause('Cutting 2.4', 'mona', 1);
      const again = await pause('Cutting 2.4', 'hubot', 2);
      expect(again).toEqual({
        changed: false,
        pause: { ...queue, reason: 'Cutting 2.4', pausedBy: 'mona', pausedAt: minute(1) },
      });
      const events = await store().queueEvents.list({ ...queue, limit: 10 });
      expect(events.map((e) => e.kind)).toEqual(['paused']);
    });

    it('changes the reason of a paused queue, keeping who paused it and since when', async () => {
      await pause('Cutting 2.4', 'mona', 1);
      const changed = await pause('CI is down', 'hubot', 2);
      const expected = { ...queue, reason: 'CI is down', pausedBy: 'mona', pausedAt: minute(1) };
      expect(changed).toEqual({ changed: true, pause: expected });
      expect(await store().pauses.get(queue)).toEqual(expected);
    });

    it('resumes a paused queue once; resuming a queue that is not paused changes nothing', async () => {
      await pause('Cutting 2.4', 'mona', 1);
      expect(await store().pauses.resume({ ...queue, by: 'hubot', now: minute(2) })).toBe(true);
      expect(await store().pauses.get(queue)).toBeUndefined();
      expect(await store().pauses.resume({ ...queue, by: 'hubot', now: minute(3) })).toBe(false);
      const other = { repo: 'octo/widgets', base: 'release' };
      expect(await store().pauses.resume({ ...other, by: 'hubot', now: minute(3) })).toBe(false);
      const events = await store().queueEvents.list({ ...queue, limit: 10 });
      expect(events.map((e) => e.kind)).toEqual(['resumed', 'paused']);
    });

    it('records each change as a queue event, with who made it', async () => {
      await pause('Cutting 2.4', 'mona', 1);
      await pause('Cutting 2.4', 'mona', 2);
      await pause('CI is down', 'hubot', 3);
      await store().pauses.resume({ ...queue, by: 'octocat', now: minute(4) });
      await store().pauses.resume({ ...queue, by: 'octocat', now: minute(5) });
      await store().pauses.pause({
        ...queue,
        base: 'release',
        reason: 'x',
        by: 'a',
        now: minute(6),
      });

      const events = await store().queueEvents.list({ ...queue, limit: 10 });
      expect(events.map(({ at, kind, actor, detail }) => ({ at, kind, actor, detail }))).toEqual([
        { at: minute(4), kind: 'resumed', actor: 'octocat', detail: null },
        { at: minute(3), kind: 'paused', actor: 'hubot', detail: { reason: 'CI is down' } },
        { at: minute(1), kind: 'paused', actor: 'mona', detail: { reason: 'Cutting 2.4' } },
      ]);
      expect(events.every((e) => e.repo === queue.repo && e.base === queue.base)).toBe(true);
    });

    it('names the paused queues in order', async () => {
      await store().pauses.pause({
        ...queue,
        base: 'release',
        reason: 'r',
        by: 'a',
        now: minute(0),
      });
      await store().pauses.pause({
        ...queue,
        repo: 'octo/gears',
        reason: 'r',
        by: 'a',
        now: minute(0),
      });
      await pause('r', 'a', 0);
      await store().pauses.pause({ ...queue, base: 'next', reason: 'r', by: 'a', now: minute(0) });
      await store().pauses.resume({ ...queue, base: 'next', by: 'a', now: minute(1) });
      expect(await store().pauses.listPaused()).toEqual([
        { repo: 'octo/gears', base: 'main' },
        { repo: 'octo/widgets', base: 'main' },
        { repo: 'octo/widgets', base: 'release' },
      ]);
    });

    it('pauses and records the event together, or neither', async () => {
      await expect(
        store().transaction(async (trx) => {
          await trx.pauses.pause({ ...queue, reason: 'Cutting 2.4', by: 'mona', now: minute(1) });
          throw new Error('crash before commit');
        }),
      ).rejects.toThrow('crash before commit');
      expect(await store().pauses.get(queue)).toBeUndefined();
      expect(await store().queueEvents.list({ ...queue, limit: 10 })).toEqual([]);

      await store().transaction(async (trx) => {
        await trx.pauses.pause({ ...queue, reason: 'Cutting 2.4', by: 'mona', now: minute(2) });
        expect(await trx.pauses.resume({ ...queue, by: 'mona', now: minute(3) })).toBe(true);
      });
      const events = await store().queueEvents.list({ ...queue, limit: 10 });
      expect(events.map((e) => e.kind)).toEqual(['resumed', 'paused']);
    });
  });

  describe('queue events', () => {
    const record = (kind: string, at: number, base = 'main') =>
      store().queueEvents.record({ ...queue, base, kind, actor: null, now: minute(at) });

    it('keeps what was recorded', async () => {
      const event = await store().queueEvents.record({
        ...queue,
        kind: 'paused',
        actor: 'mona',
        detail: { reason: 'Cutting 2.4', nested: [1, true, null] },
        now: minute(1),
      });
      expect(event).toEqual({
        id: expect.any(Number),
        ...queue,
        at: minute(1),
        kind: 'paused',
        actor: 'mona',
        detail: { reason: 'Cutting 2.4', nested: [1, true, null] },
      });
      expect(await store().queueEvents.list({ ...queue, limit: 1 })).toEqual([event]);
    });

    it("lists a queue's newest events first, at most the limit", async () => {
      await record('a', 1);
      await record('b', 2);
      await record('c', 2);
      await record('d', 3, 'release');
      await record('e', 4);
      const list = async (limit: number) =>
        (await store().queueEvents.list({ ...queue, limit })).map((e) => e.kind);
      expect(await list(10)).toEqual(['e', 'c', 'b', 'a']);
      expect(await list(2)).toEqual(['e', 'c']);
      expect(await list(0)).toEqual([]);
      await expect(list(-1)).rejects.toThrow(/whole number/);
    });
  });
}
