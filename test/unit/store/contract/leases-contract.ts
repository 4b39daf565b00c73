import { describe, expect, it } from '@jest/globals';
import type { ContractContext } from './contract-context.js';

const name = 'reconcile:octo/widgets:main';
const ttlMs = 5 * 60_000;
const hourMs = 60 * 60_000;
/** Expired from the moment it is taken: the next statement, on any clock, finds it lapsed. */
const lapsed = { ttlMs: 0 };

/**
 * Times here are the process's real clock: PostgreSQL judges expiry by its own clock, so a
 * fake `now` would mean nothing there. A TTL of 0 makes a lapse certain without waiting.
 */
export function describeLeasesContract({ store, harness }: ContractContext): void {
  const request = (holder: string, options: { ttlMs?: number; now?: Date } = {}) => ({
    name,
    holder,
    now: options.now ?? new Date(),
    ttlMs: options.ttlMs ?? ttlMs,
  });

  describe('leases', () => {
    it('lets one of two stores hold a lease and shows the other who holds it', async () => {
      const other = await harness().open();
      const mine = await store().leases.acquire(request('a'));
      const theirs = await other.leases.acquire(request('b'));
      expect(mine).toMatchObject({ ok: true, lease: { name, holder: 'a', generation: 1 } });
      expect(theirs).toMatchObject({ ok: false, current: { name, holder: 'a', generation: 1 } });
      const elsewhere = { ...request('b'), name: 'reconcile:octo/widgets:dev' };
      expect((await other.leases.acquire(elsewhere)).ok).toBe(true);
    });

    it('extends a lease its holder acquires again or renews in time, at the same generation', async () => {
      const first = await store().leases.acquire(request('a'));
      const again = await store().leases.acquire(request('a'));
      const renewed = await store().leases.renew({ ...request('a'), generation: 1 });
      expect(again).toMatchObject({ ok: true, lease: { generation: 1 } });
      expect(renewed).toMatchObject({ ok: true, lease: { holder: 'a', generation: 1 } });
      const expiries = [first, again, renewed].map((r) => (r.ok ? r.lease.expiresAt : null));
      expect(expiries[1]!.getTime()).toBeGreaterThanOrEqual(expiries[0]!.getTime());
      expect(expiries[2]!.getTime()).toBeGreaterThanOrEqual(expiries[1]!.getTime());
    });

    it('hands a lapsed lease to another holder at the next generation; the old holder can neither renew nor pass the fence', async () => {
      const other = await harness().open();
      await store().leases.acquire(request('a', lapsed));
      const taken = await other.leases.acquire(request('b'));
      const lost = await store().leases.renew({ ...request('a'), generation: 1 });
      expect(taken).toMatchObject({ ok: true, lease: { holder: 'b', generation: 2 } });
      expect(lost).toMatchObject({ ok: false, current: { holder: 'b', generation: 2 } });
      const now = new Date();
      expect(await store().leases.holds({ name, holder: 'a', generation: 1, now })).toBe(false);
      expect(await other.leases.holds({ name, holder: 'b', generation: 2, now })).toBe(true);
      expect(await other.leases.holds({ name, holder: 'b', generation: 1, now })).toBe(false);
    });

    it('lets a restarted replica take its dead boot’s unexpired lease at once, fencing the old boot; other replicas still wait', async () => {
      const other = await harness().open();
      await store().leases.acquire(request('host:3000/boot1'));
      const stranger = await other.leases.acquire(request('host:3001/boot9'));
      const lookalike = await other.leases.acquire(request('host:30/boot8'));
      const restarted = await other.leases.acquire(request('host:3000/boot2'));
      expect(stranger).toMatchObject({ ok: false, current: { holder: 'host:3000/boot1' } });
      expect(lookalike.ok).toBe(false);
      expect(restarted).toMatchObject({
        ok: true,
        lease: { holder: 'host:3000/boot2', generation: 2 },
      });
      const now = new Date();
      expect(
        await store().leases.holds({ name, holder: 'host:3000/boot1', generation: 1, now }),
      ).toBe(false);
    });

    it('refuses to renew a lapsed lease even when nobody took it, and fences its holder', async () => {
      await store().leases.acquire(request('a', lapsed));
      const renewed = await store().leases.renew(request('a'));
      expect(renewed).toMatchObject({ ok: false, current: { holder: 'a', generation: 1 } });
      const fence = { name, holder: 'a', generation: 1, now: new Date() };
      expect(await store().leases.holds(fence)).toBe(false);
      expect(await store().leases.renew({ ...request('a'), name: 'never' })).toEqual({
        ok: false,
        current: undefined,
      });
    });

    it('releases only a lease the caller holds', async () => {
      const other = await harness().open();
      await store().leases.acquire(request('a'));
      expect(await other.leases.release({ name, holder: 'b' })).toBe(false);
      expect((await other.leases.acquire(request('b'))).ok).toBe(false);
      expect(await store().leases.release({ name, holder: 'a' })).toBe(true);
      expect((await other.leases.acquire(request('b'))).ok).toBe(true);
    });

    it('counts generations up across releases and holders, never back', async () => {
      const generations: number[] = [];
      for (const holder of ['a', 'a', 'b']) {
        const taken = await store().leases.acquire(request(holder));
        generations.push(taken.ok ? taken.lease.generation : -1);
        await store().leases.release({ name, holder });
      }
      expect(generations).toEqual([1, 2, 3]);
    });

    it('gives a lease to exactly one of two stores racing for it', async () => {
      const other = await harness().open();
      for (let round = 0; round < 10; round += 1) {
        const race = { name: `race-${round}`, now: new Date(), ttlMs };
        const results = await Promise.all([
          store().leases.acquire({ ...race, holder: 'a' }),
          other.leases.acquire({ ...race, holder: 'b' }),
        ]);
        expect(results.filter((result) => result.ok)).toHaveLength(1);
      }
    });

    it('judges expiry by the database clock on PostgreSQL and by the caller on SQLite (one process)', async () => {
      const other = await harness().open();
      const onPostgres = 'url' in harness().location;
      const before = Date.now();
      const taken = await store().leases.acquire(request('a', { now: new Date(0), ttlMs }));
      // A replica whose clock runs an hour ahead.
      const skewed = await other.leases.acquire(request('b', { now: new Date(before + hourMs) }));
      const expiresAt = taken.ok ? taken.lease.expiresAt.getTime() : 0;
      if (onPostgres) {
        expect(expiresAt).toBeGreaterThanOrEqual(before + ttlMs - 60_000);
        expect(skewed).toMatchObject({ ok: false, current: { holder: 'a' } });
      } else {
        expect(expiresAt).toBe(ttlMs);
        expect(skewed).toMatchObject({ ok: true, lease: { holder: 'b', generation: 2 } });
      }
    });
  });

  describe('run-again marks', () => {
    const handOver = (holder: string, generation: number) =>
      store().leases.handOver({ ...request(holder), generation });

    it('makes the holder run once more for a request it turned away, then release', async () => {
      const other = await harness().open();
      await store().leases.acquire(request('a'));
      expect((await other.leases.acquire(request('b'))).ok).toBe(false);
      expect(await other.leases.requestRun({ name, now: new Date() })).toBe(true);
      expect(await other.leases.requestRun({ name, now: new Date() })).toBe(true);
      expect(await handOver('a', 1)).toBe('run-again');
      const fence = { name, holder: 'a', generation: 1, now: new Date() };
      expect(await store().leases.holds(fence)).toBe(true);
      expect(await handOver('a', 1)).toBe('released');
      expect(await other.leases.acquire(request('b'))).toMatchObject({
        ok: true,
        lease: { generation: 2 },
      });
    });

    it('refuses a mark when nobody holds the lease, so the caller takes it instead', async () => {
      expect(await store().leases.requestRun({ name, now: new Date() })).toBe(false);
      await store().leases.acquire(request('a'));
      await store().leases.release({ name, holder: 'a' });
      expect(await store().leases.requestRun({ name, now: new Date() })).toBe(false);
      await store().leases.acquire(request('a', lapsed));
      expect(await store().leases.requestRun({ name, now: new Date() })).toBe(false);
    });

    it('tells a holder whose lease was taken over that it is lost, and leaves the new holder be', async () => {
      const other = await harness().open();
      await store().leases.acquire(request('a', lapsed));
      await other.leases.acquire(request('b'));
      await other.leases.requestRun({ name, now: new Date() });
      expect(await handOver('a', 1)).toBe('lost');
      expect(await other.leases.handOver({ ...request('b'), generation: 2 })).toBe('run-again');
    });

    it('drops a mark when the lease goes to a new holder, whose whole run covers it', async () => {
      const other = await harness().open();
      await store().leases.acquire(request('a'));
      await other.leases.requestRun({ name, now: new Date() });
      await store().leases.release({ name, holder: 'a' });
      await other.leases.acquire(request('b'));
      expect(await other.leases.handOver({ ...request('b'), generation: 2 })).toBe('released');
    });
  });
}
