import { describe, expect, it } from '@jest/globals';
import { minute } from '../support/builders.js';
import type { ContractContext } from './contract-context.js';

const day = 24 * 60;

export function describeDeliveriesContract({ store }: ContractContext): void {
  describe('webhook deliveries', () => {
    it('accepts a delivery id once and reports every repeat', async () => {
      expect(await store().deliveries.record('d-1', minute(0))).toBe(true);
      expect(await store().deliveries.record('d-1', minute(1))).toBe(false);
      expect(await store().deliveries.record('d-2', minute(1))).toBe(true);
    });

    it('prunes ids older than the given number of days, and only those', async () => {
      await store().deliveries.record('old', minute(0));
      await store().deliveries.record('edge', minute(day));
      await store().deliveries.record('new', minute(2 * day));
      const pruned = await store().deliveries.prune({ now: minute(8 * day), olderThanDays: 7 });
      expect(pruned).toBe(1);
      expect(await store().deliveries.record('old', minute(8 * day))).toBe(true);
      expect(await store().deliveries.record('edge', minute(8 * day))).toBe(false);
      expect(await store().deliveries.record('new', minute(8 * day))).toBe(false);
    });
  });
}
