import { describe, expect, it } from '@jest/globals';
import { anEntry, minute } from '../support/builders.js';
import type { ContractContext } from './contract-context.js';

export function describeQueueContract({ store }: ContractContext): void {
  describe('queue', () => {
    it('keeps what was queued and lists entries in the order they were queued', async () => {
      for (const number of [7, 3, 5]) {
        await store().queue.enqueue(anEntry({ number, now: minute(number) }));
      }
      const entries = await store().queue.list({ repo: 'octo/widgets', base: 'main' });
      expect(entries.map((entry) => [entry.number, entry.sequence])).toEqual([
        [7, 1],
        [3, 2],
        [5, 3],
      ]);
      expect(entries[0]).toEqual({
        id: expect.any(Number),
        repo: 'octo/widgets',
        base: 'main',
        number: 7,
        sequence: 1,
        priority: 'normal',
        priorityLabel: null,
        headSha: 'head-7',
        queuedBy: 'mona',
        queuedAt: minute(7),
        state: 'queued',
        consecutiveFailures: 0,
        retryCount: 0,
        lastFailureClass: null,
        endReason: null,
        updatedAt: minute(7),
      });
    });

    it('refuses a second active entry for a PR, even on another base branch', async () => {
      const first = await store().queue.enqueue(anEntry());
      const again = await store().queue.enqueue(anEntry({ base: 'release', headSha: 'other' }));
      expect(first.ok).toBe(true);
      expect(again).toEqual({ ok: false, reason: 'already-queued', entry: first.entry });
      expect(await store().queue.list({ repo: 'octo/widgets', base: 'release' })).toEqual([]);
    });

    it('treats blocked entries as active: listed, and the PR cannot be queued twice', async () => {
      const { entry } = await store().queue.enqueue(anEntry());
      const changes = { state: 'blocked' as const };
      await store().queue.update({
        entryId: entry.id,
        now: minute(1),
        changes,
        event: { kind: 'x' },
      });
      expect((await store().queue.enqueue(anEntry())).ok).toBe(false);
      expect(await store().queue.findActive({ repo: 'octo/widgets', number: 1 })).toMatchObject({
        id: entry.id,
        state: 'blocked',
      });
    });

    it('queues a PR again after it left, as a new entry at the back', async () => {
      const { entry: old } = await store().queue.enqueue(anEntry({ number: 1 }));
      await store().queue.enqueue(anEntry({ number: 2 }));
      await store().queue.update({
        entryId: old.id,
        now: minute(1),
        changes: { state: 'dequeued', endReason: 'unlabeled' },
        event: { kind: 'dequeued' },
      });
      const again = await store().queue.enqueue(anEntry({ number: 1, now: minute(2) }));
      expect(again.ok && again.entry.id).not.toBe(old.id);
      const queue = await store().queue.list({ repo: 'octo/widgets', base: 'main' });
      expect(queue.map((entry) => [entry.number, entry.sequence])).toEqual([
        [2, 2],
        [1, 3],
      ]);
      const history = await store().queue.listForPullRequest({ repo: 'octo/widgets', number: 1 });
      expect(history.map((entry) => [entry.state, entry.endReason])).toEqual([
        ['dequeued', 'unlabeled'],
        ['queued', null],
      ]);
    });

    it('numbers each queue on its own and lists only that queue', async () => {
      await store().queue.enqueue(anEntry({ number: 1 }));
      await store().queue.enqueue(anEntry({ number: 2, base: 'release' }));
      await store().queue.enqueue(anEntry({ number: 1, repo: 'octo/gadgets' }));
      const release = await store().queue.list({ repo: 'octo/widgets', base: 'release' });
      const gadgets = await store().queue.list({ repo: 'octo/gadgets', base: 'main' });
      expect(release.map((entry) => [entry.number, entry.sequence])).toEqual([[2, 1]]);
      expect(gadgets.map((entry) => [entry.number, entry.sequence])).toEqual([[1, 1]]);
    });
  });
}
