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
