import { describe, expect, it } from '@jest/globals';
import type { ContractContext } from './contract-context.js';

export function describePingContract({ store }: ContractContext): void {
  describe('ping', () => {
    it('resolves while the database answers, inside a transaction too', async () => {
      await expect(store().ping()).resolves.toBeUndefined();
      await expect(store().transaction((trx) => trx.ping())).resolves.toBeUndefined();
    });
  });
}
