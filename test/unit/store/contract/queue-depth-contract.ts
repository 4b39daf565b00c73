import { describe, expect, it } from '@jest/globals';
import { anEntry, minute } from '../support/builders.js';
import type { ContractContext } from './contract-context.js';

export function describeQueueDepthContract({ store }: ContractContext): void {
  describe('queue depth', () => {
    it('counts active entries per queue and state, leaving ended entries out', async () => {
      const queued = async (number: number, base = 'main') =>
        (await store().queue.enqueue(anEntry({ number, base }))).entry.id;
      const moveTo = async (entryId: number, state: 'testing' | 'blocked' | 'merged') =>
        store().queue.update({ entryId, now: minute(1), changes: { state }, event: { kind: 'x' } });
      await queued(1);
      await moveTo(await queued(2), 'testing');
      await moveTo(await queued(3), 'testing');
      await moveTo(await queued(4), 'blocked');
      await moveTo(await queued(5), 'merged');
      await queued(6, 'release');

      expect(await store().queue.countActive()).toEqual([
        { repo: 'octo/widgets', base: 'main', state: 'blocked', count: 1 },
        { repo: 'octo/widgets', base: 'main', state: 'queued', count: 1 },
        { repo: 'octo/widgets', base: 'main', state: 'testing', count: 2 },
        { repo: 'octo/widgets', base: 'release', state: 'queued', count: 1 },
      ]);
    });

    it('is empty when nothing is queued', async () => {
      expect(await store().queue.countActive()).toEqual([]);
    });
  });
}
