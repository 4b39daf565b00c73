import { describe, expect, it } from '@jest/globals';
import { StoreError } from '../../../../src/store/errors.js';
import { anEntry, minute } from '../support/builders.js';
import type { ContractContext } from './contract-context.js';

export function describeEntryUpdatesContract({ store }: ContractContext): void {
  describe('queue entry updates and history', () => {
    it('carries a consecutive failure count given at enqueue', async () => {
      const result = await store().queue.enqueue(anEntry({ consecutiveFailures: 2 }));
      expect(result.entry.consecutiveFailures).toBe(2);
    });

    it('applies an update and appends its event to the history, in order', async () => {
      const { entry } = await store().queue.enqueue(anEntry());
      const updated = await store().queue.update({
        entryId: entry.id,
        now: minute(4),
        changes: {
          state: 'testing',
          headSha: 'head-2',
          consecutiveFailures: 1,
          retryCount: 2,
          lastFailureClass: 'infra',
        },
        event: { kind: 'testing', detail: { stagingId: 9, note: 'base moved' } },
      });
      await store().queue.update({
        entryId: entry.id,
        now: minute(5),
        changes: {},
        event: { kind: 'seen' },
      });
      expect(updated).toMatchObject({
        state: 'testing',
        headSha: 'head-2',
        consecutiveFailures: 1,
      });
      expect(await store().queue.get(entry.id)).toEqual({
        ...updated,
        updatedAt: minute(5),
      });
      expect(await store().queue.listEvents(entry.id)).toEqual([
        {
          entryId: entry.id,
          at: minute(0),
          kind: 'queued',
          detail: { headSha: 'head-1', queuedBy: 'mona' },
        },
        {
          entryId: entry.id,
          at: minute(4),
          kind: 'testing',
          detail: { stagingId: 9, note: 'base moved' },
        },
        { entryId: entry.id, at: minute(5), kind: 'seen', detail: null },
      ]);
    });

    it('refuses to update an entry that does not exist', async () => {
      const update = { entryId: 999, now: minute(1), changes: {}, event: { kind: 'x' } };
      await expect(store().queue.update(update)).rejects.toThrow(StoreError);
      expect(await store().queue.listEvents(999)).toEqual([]);
    });

    describe('events of several entries at once', () => {
      /** Three entries whose events interleave in time, and one with no event but its own. */
      const entriesWithEvents = async () => {
        const ids: number[] = [];
        for (const number of [1, 2, 3, 4]) {
          const { entry } = await store().queue.enqueue(anEntry({ number, now: minute(number) }));
          ids.push(entry.id);
        }
        for (const [at, index, kind] of [
          [5, 2, 'testing'],
          [6, 0, 'testing'],
          [7, 2, 'merged'],
          [8, 1, 'dequeued'],
          [9, 0, 'merged'],
        ] as const) {
          const entryId = ids[index]!;
          const event = { kind, detail: { at } };
          await store().queue.update({ entryId, now: minute(at), changes: {}, event });
        }
        return ids;
      };
      const oneByOne = async (ids: number[]) =>
        (await Promise.all(ids.map((id) => store().queue.listEvents(id)))).flat();

      it('returns what listEvents returns for each entry, grouped by entry in id order', async () => {
        const ids = await entriesWithEvents();
        const batched = await store().queue.listEventsFor([ids[2]!, ids[0]!, ids[1]!, ids[3]!]);
        expect(batched).toEqual(await oneByOne(ids));
        expect(batched.map((e) => [ids.indexOf(e.entryId), e.kind])).toEqual([
          [0, 'queued'],
          [0, 'testing'],
          [0, 'merged'],
          [1, 'queued'],
          [1, 'dequeued'],
          [2, 'queued'],
          [2, 'testing'],
          [2, 'merged'],
          [3, 'queued'],
        ]);
        expect(await store().queue.listEventsFor([ids[1]!])).toEqual(
          await store().queue.listEvents(ids[1]!),
        );
      });

      it('returns nothing for no ids, and nothing more for unknown or repeated ones', async () => {
        const ids = await entriesWithEvents();
        expect(await store().queue.listEventsFor([])).toEqual([]);
        expect(await store().queue.listEventsFor([999_999])).toEqual([]);
        expect(await store().queue.listEventsFor([ids[0]!, 999_999, ids[0]!])).toEqual(
          await store().queue.listEvents(ids[0]!),
        );
      });

      it('takes more ids than either database binds in one query', async () => {
        const ids = await entriesWithEvents();
        // Past SQLite's 32766 bound parameters and PostgreSQL's 65535: unknown ids around them.
        const unknown = Array.from({ length: 70_000 }, (_, i) => -1 - i);
        const many = [...unknown.slice(0, 40_000), ...ids, ...unknown.slice(40_000)];
        expect(await store().queue.listEventsFor(many)).toEqual(await oneByOne(ids));
      });
    });

    it('answers undefined for entries that do not exist', async () => {
      expect(await store().queue.get(999)).toBeUndefined();
      expect(await store().queue.findActive({ repo: 'octo/widgets', number: 1 })).toBeUndefined();
    });

    it('lists each queue holding an active entry once, for the sweep', async () => {
      await store().queue.enqueue(anEntry({ number: 1 }));
      await store().queue.enqueue(anEntry({ number: 2 }));
      await store().queue.enqueue(anEntry({ number: 3, base: 'dev' }));
      const { entry } = await store().queue.enqueue(anEntry({ number: 4, repo: 'octo/done' }));
      const changes = { state: 'merged' as const };
      await store().queue.update({
        entryId: entry.id,
        now: minute(1),
        changes,
        event: { kind: 'merged' },
      });
      expect(await store().queue.listActiveQueues()).toEqual([
        { repo: 'octo/widgets', base: 'dev' },
        { repo: 'octo/widgets', base: 'main' },
      ]);
    });
  });
}
