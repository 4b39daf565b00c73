import { describe, expect, it } from '@jest/globals';
import type { EntryState } from '../../../../src/store/types.js';
import { anEntry, minute } from '../support/builders.js';
import type { ContractContext } from './contract-context.js';

const queue = { repo: 'octo/widgets', base: 'main' };

export function describeQueueHistoryContract({ store }: ContractContext): void {
  describe('ended entries', () => {
    /** Queues PR `number` and moves it to `state` at minute `at`; returns the entry id. */
    const entryIn = async (number: number, state: EntryState, at: number, base = 'main') => {
      const { entry } = await store().queue.enqueue(anEntry({ number, base, now: minute(0) }));
      if (state !== 'queued') {
        await store().queue.update({
          entryId: entry.id,
          now: minute(at),
          changes: { state },
          event: { kind: state },
        });
      }
      return entry.id;
    };
    const listEnded = async (since: number, limit: number) =>
      (await store().queue.listEnded({ ...queue, since: minute(since), limit })).map(
        (e) => e.number,
      );

    it('lists merged and dequeued entries newest first, leaving active ones out', async () => {
      await entryIn(1, 'merged', 1);
      await entryIn(2, 'dequeued', 3);
      await entryIn(3, 'queued', 4);
      await entryIn(4, 'testing', 5);
      await entryIn(5, 'blocked', 6);
      await entryIn(6, 'landing', 7);
      await entryIn(7, 'merged', 2);
      await entryIn(8, 'merged', 8, 'release');
      expect(await listEnded(0, 10)).toEqual([2, 7, 1]);
      const [newest] = await store().queue.listEnded({ ...queue, since: minute(0), limit: 1 });
      expect(newest).toMatchObject({ number: 2, state: 'dequeued', updatedAt: minute(3) });
    });

    it('leaves out entries that ended before `since`, and keeps the newest `limit`', async () => {
      for (const number of [1, 2, 3, 4]) await entryIn(number, 'merged', number);
      expect(await listEnded(2, 10)).toEqual([4, 3, 2]);
      expect(await listEnded(2, 2)).toEqual([4, 3]);
      expect(await listEnded(5, 10)).toEqual([]);
      expect(await listEnded(0, 0)).toEqual([]);
      await expect(listEnded(0, 1.5)).rejects.toThrow(/whole number/);
    });

    it('orders entries that ended at the same time by when they were queued, newest first', async () => {
      for (const number of [1, 2, 3]) await entryIn(number, 'merged', 1);
      expect(await listEnded(0, 10)).toEqual([3, 2, 1]);
    });
  });
}
