import { describe, expect, it } from '@jest/globals';
import { anEntry } from '../support/builders.js';
import type { ContractContext } from './contract-context.js';

export function describeConcurrencyContract({ store, harness }: ContractContext): void {
  describe('concurrent writers', () => {
    it('gives concurrent enqueues from two stores distinct, gap-free sequence numbers', async () => {
      const other = await harness().open();
      const numbers = Array.from({ length: 20 }, (_, index) => index + 1);
      const results = await Promise.all(
        numbers.map((number) =>
          (number % 2 === 0 ? store() : other).queue.enqueue(anEntry({ number })),
        ),
      );
      expect(results.every((result) => result.ok)).toBe(true);
      const sequences = results.map((result) => result.entry.sequence).sort((a, b) => a - b);
      expect(sequences).toEqual(numbers);
      const queue = await store().queue.list({ repo: 'octo/widgets', base: 'main' });
      expect(queue).toHaveLength(20);
    });

    it('gives a PR enqueued by two stores at once exactly one active entry', async () => {
      const other = await harness().open();
      for (let number = 1; number <= 5; number += 1) {
        const results = await Promise.all([
          store().queue.enqueue(anEntry({ number, queuedBy: 'mona' })),
          other.queue.enqueue(anEntry({ number, queuedBy: 'hubot' })),
        ]);
        expect(results.filter((result) => result.ok)).toHaveLength(1);
        expect(results[0].entry.id).toBe(results[1].entry.id);
        const history = await store().queue.listForPullRequest({ repo: 'octo/widgets', number });
        expect(history).toHaveLength(1);
      }
    });
  });
}
