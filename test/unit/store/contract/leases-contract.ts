import { describe, expect, it } from '@jest/globals';
import { minute } from '../support/builders.js';
import type { ContractContext } from './contract-context.js';

const name = 'reconcile:octo/widgets:main';
const ttlMs = 5 * 60_000;

export function describeLeasesContract({ store, harness }: ContractContext): void {
  describe('leases', () => {
    it('lets one of two stores hold a lease and shows the other who holds it', async () => {
      const other = await harness().open();
      const mine = await store().leases.acquire({ name, holder: 'a', now: minute(0), ttlMs });
      const theirs = await other.leases.acquire({ name, holder: 'b', now: minute(1), ttlMs });
      expect(mine).toEqual({ ok: true, lease: { name, holder: 'a', expiresAt: minute(5) } });
      expect(theirs).toEqual({ ok: false, current: { name, holder: 'a', expiresAt: minute(5) } });
      const elsewhere = { name: 'reconcile:octo/widgets:dev', holder: 'b', now: minute(1), ttlMs };
      expect((await other.leases.acquire(elsewhere)).ok).toBe(true);
    });

    it('extends a lease its holder acquires again or renews in time', async () => {
      await store().leases.acquire({ name, holder: 'a', now: minute(0), ttlMs });
      const again = await store().leases.acquire({ name, holder: 'a', now: minute(2), ttlMs });
      const renewed = await store().leases.renew({ name, holder: 'a', now: minute(6), ttlMs });
      expect(again).toMatchObject({ ok: true, lease: { expiresAt: minute(7) } });
      expect(renewed).toMatchObject({ ok: true, lease: { expiresAt: minute(11) } });
    });

    it('hands an expired lease to another holder; the old holder cannot renew it', async () => {
      const other = await harness().open();
      await store().leases.acquire({ name, holder: 'a', now: minute(0), ttlMs });
      const early = await other.leases.acquire({ name, holder: 'b', now: minute(4), ttlMs });
      const taken = await other.leases.acquire({ name, holder: 'b', now: minute(5), ttlMs });
      const lost = await store().leases.renew({ name, holder: 'a', now: minute(6), ttlMs });
      expect(early.ok).toBe(false);
      expect(taken).toEqual({ ok: true, lease: { name, holder: 'b', expiresAt: minute(10) } });
      expect(lost).toEqual({ ok: false, current: { name, holder: 'b', expiresAt: minute(10) } });
    });

    it('refuses to renew a lapsed lease even when nobody took it', async () => {
      await store().leases.acquire({ name, holder: 'a', now: minute(0), ttlMs });
      const renewed = await store().leases.renew({ name, holder: 'a', now: minute(5), ttlMs });
      expect(renewed).toEqual({ ok: false, current: { name, holder: 'a', expiresAt: minute(5) } });
      expect(
        await store().leases.renew({ name: 'never', holder: 'a', now: minute(0), ttlMs }),
      ).toEqual({
        ok: false,
        current: undefined,
      });
    });

    it('releases only a lease the caller holds', async () => {
      const other = await harness().open();
      await store().leases.acquire({ name, holder: 'a', now: minute(0), ttlMs });
      expect(await other.leases.release({ name, holder: 'b' })).toBe(false);
      expect((await other.leases.acquire({ name, holder: 'b', now: minute(1), ttlMs })).ok).toBe(
        false,
      );
      expect(await store().leases.release({ name, holder: 'a' })).toBe(true);
      expect((await other.leases.acquire({ name, holder: 'b', now: minute(1), ttlMs })).ok).toBe(
        true,
      );
    });

    it('gives a lease to exactly one of two stores racing for it', async () => {
      const other = await harness().open();
      for (let round = 0; round < 10; round += 1) {
        const race = { name: `race-${round}`, now: minute(0), ttlMs };
        const results = await Promise.all([
          store().leases.acquire({ ...race, holder: 'a' }),
          other.leases.acquire({ ...race, holder: 'b' }),
        ]);
        expect(results.filter((result) => result.ok)).toHaveLength(1);
      }
    });
  });
}
