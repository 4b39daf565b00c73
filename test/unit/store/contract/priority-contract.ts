import { describe, expect, it } from '@jest/globals';
import { anEntry, minute } from '../support/builders.js';
import type { ContractContext } from './contract-context.js';

export function describePriorityContract({ store }: ContractContext): void {
  describe('priorities', () => {
    const queue = { repo: 'octo/widgets', base: 'main' };

    it('queues at normal priority, with no label seen, unless told otherwise', async () => {
      const { entry } = await store().queue.enqueue(anEntry());
      expect(entry).toMatchObject({ priority: 'normal', priorityLabel: null });
      expect((await store().queue.listEvents(entry.id))[0]?.detail).toEqual({
        headSha: 'head-1',
        queuedBy: 'mona',
      });
    });

    it('queues at a priority, which the first event of its history names', async () => {
      const { entry } = await store().queue.enqueue(
        anEntry({ priority: 'high', priorityLabel: 'merge-queue:high' }),
      );
      expect(await store().queue.get(entry.id)).toMatchObject({
        priority: 'high',
        priorityLabel: 'merge-queue:high',
      });
      expect((await store().queue.listEvents(entry.id))[0]?.detail).toEqual({
        headSha: 'head-1',
        queuedBy: 'mona',
        priority: 'high',
      });
    });

    it('changes the priority and the label seen, each change an event in the history', async () => {
      const { entry } = await store().queue.enqueue(anEntry());
      await store().queue.update({
        entryId: entry.id,
        now: minute(1),
        changes: { priority: 'low', priorityLabel: 'merge-queue:low' },
        event: { kind: 'priority', detail: { from: 'normal', to: 'low', kind: 'label' } },
      });
      const updated = await store().queue.update({
        entryId: entry.id,
        now: minute(2),
        changes: { priority: 'high' },
        event: { kind: 'priority', detail: { from: 'low', to: 'high', kind: 'command' } },
      });
      expect(updated).toMatchObject({ priority: 'high', priorityLabel: 'merge-queue:low' });
      const events = await store().queue.listEvents(entry.id);
      expect(events.filter((e) => e.kind === 'priority').map((e) => [e.at, e.detail])).toEqual([
        [minute(1), { from: 'normal', to: 'low', kind: 'label' }],
        [minute(2), { from: 'low', to: 'high', kind: 'command' }],
      ]);
    });

    it('keeps the priority a command asked for, and none when it asked for none', async () => {
      const common = {
        ...queue,
        kind: 'queue' as const,
        requestedBy: 'mona',
        source: 'comment' as const,
      };
      await store().commands.record({ ...common, number: 1, priority: 'low', now: minute(0) });
      await store().commands.record({ ...common, number: 2, now: minute(1) });
      const pending = await store().commands.listPending(queue);
      expect(pending.map((c) => [c.number, c.priority])).toEqual([
        [1, 'low'],
        [2, null],
      ]);
    });
  });
}
