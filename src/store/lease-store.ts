import { writeTime, type Codec } from './codec.js';
import type { Lease } from './records.js';
import type { StoreDatabase } from './store-database.js';
import type { LeaseStore } from './types.js';

function toLease(codec: Codec, row: { name: string; holder: string; expires_at: unknown }): Lease {
  return { name: row.name, holder: row.holder, expiresAt: codec.readTime(row.expires_at) };
}

/**
 * Leases are rows changed only by single conditional statements, so the database decides
 * who holds one, on SQLite and PostgreSQL alike (docs/adr/0002-store.md says why not
 * advisory locks). A lease is expired from `expiresAt` on.
 */
export function createLeaseStore({ db, codec }: StoreDatabase): LeaseStore {
  const current = async (name: string) => {
    const row = await db
      .selectFrom('lease')
      .selectAll()
      .where('name', '=', name)
      .executeTakeFirst();
    return row && toLease(codec, row);
  };

  return {
    async acquire({ name, holder, now, ttlMs }) {
      const expiresAt = writeTime(new Date(now.getTime() + ttlMs));
      const taken = await db
        .insertInto('lease')
        .values({ name, holder, expires_at: expiresAt })
        .onConflict((conflict) =>
          conflict
            .column('name')
            .doUpdateSet((eb) => ({
              holder: eb.ref('excluded.holder'),
              expires_at: eb.ref('excluded.expires_at'),
            }))
            .where((eb) =>
              eb.or([
                eb('lease.holder', '=', holder),
                eb('lease.expires_at', '<=', writeTime(now)),
              ]),
            ),
        )
        .returningAll()
        .executeTakeFirst();
      if (taken !== undefined) return { ok: true, lease: toLease(codec, taken) };
      return { ok: false, current: await current(name) };
    },
    async renew({ name, holder, now, ttlMs }) {
      const renewed = await db
        .updateTable('lease')
        .set({ expires_at: writeTime(new Date(now.getTime() + ttlMs)) })
        .where('name', '=', name)
        .where('holder', '=', holder)
        .where('expires_at', '>', writeTime(now))
        .returningAll()
        .executeTakeFirst();
      if (renewed !== undefined) return { ok: true, lease: toLease(codec, renewed) };
      return { ok: false, current: await current(name) };
    },
    async release({ name, holder }) {
      const result = await db
        .deleteFrom('lease')
        .where('name', '=', name)
        .where('holder', '=', holder)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
