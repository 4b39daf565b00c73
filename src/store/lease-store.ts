import { sql, type RawBuilder } from 'kysely';
import { writeTime, type Codec } from './codec.js';
import type { Lease } from './records.js';
import type { StoreDatabase } from './store-database.js';
import type { LeaseStore } from './types.js';

/** What a released lease expires at: long past on any clock. */
export const releasedAt = writeTime(new Date(0));

interface LeaseRow {
  name: string;
  holder: string;
  expires_at: unknown;
  generation: number | string;
}

function toLease(codec: Codec, row: LeaseRow): Lease {
  return {
    name: row.name,
    holder: row.holder,
    expiresAt: codec.readTime(row.expires_at),
    generation: Number(row.generation),
  };
}

type Instant = string | RawBuilder<string>;

/** `host:3000/` of the holder `host:3000/1f2e3d4c`: the replica, whatever its boot. */
function replicaOf(holder: string): string | undefined {
  const slash = holder.lastIndexOf('/');
  return slash > 0 ? holder.slice(0, slash + 1) : undefined;
}

/**
 * Whose clock judges expiry. Replicas on PostgreSQL each have their own clock, and skew (or a
 * paused process) would let two of them believe they hold one lease: the database's `now()`
 * is the one clock they share. SQLite serves one process, whose clock is the only one.
 */
function leaseClock(codec: Codec, now: Date): { current: Instant; until(ttlMs: number): Instant } {
  switch (codec.dialect) {
    case 'postgres':
      return {
        current: sql<string>`now()`,
        until: (ttlMs) =>
          sql<string>`now() + ${ttlMs}::double precision * interval '1 millisecond'`,
      };
    case 'sqlite':
      return {
        current: writeTime(now),
        until: (ttlMs) => writeTime(new Date(now.getTime() + ttlMs)),
      };
  }
}

/**
 * Leases are rows changed only by single conditional statements, so the database decides
 * who holds one, on SQLite and PostgreSQL alike (docs/adr/0002-store.md says why not
 * advisory locks). A lease is expired from `expiresAt` on. Rows are never deleted, so a
 * lease's generation only grows: released, a lease expires at once.
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
      const clock = leaseClock(codec, now);
      const replica = replicaOf(holder);
      // Ours and unexpired: an extension, not a new turn.
      const extending = sql<boolean>`lease.holder = excluded.holder and lease.expires_at > ${clock.current}`;
      const taken = await db
        .insertInto('lease')
        .values({ name, holder, expires_at: clock.until(ttlMs), generation: 1, run_again: 0 })
        .onConflict((conflict) =>
          conflict
            .column('name')
            .doUpdateSet((eb) => ({
              holder: eb.ref('excluded.holder'),
              expires_at: eb.ref('excluded.expires_at'),
              generation: sql<number>`case when ${extending} then lease.generation else lease.generation + 1 end`,
              run_again: sql<number>`case when ${extending} then lease.run_again else 0 end`,
            }))
            .where((eb) =>
              eb.or([
                eb('lease.holder', '=', holder),
                eb('lease.expires_at', '<=', clock.current),
                // An earlier boot of the same replica (`<replica>/<boot>`) is dead: this one
                // replaces it, so a restarted replica takes its queues back at once.
                ...(replica === undefined
                  ? []
                  : [
                      eb(
                        sql<string>`substr(lease.holder, 1, ${sql.lit(replica.length)})`,
                        '=',
                        replica,
                      ),
                    ]),
              ]),
            ),
        )
        .returningAll()
        .executeTakeFirst();
      if (taken !== undefined) return { ok: true, lease: toLease(codec, taken) };
      return { ok: false, current: await current(name) };
    },
    async renew({ name, holder, now, ttlMs, generation }) {
      const clock = leaseClock(codec, now);
      let query = db
        .updateTable('lease')
        .set({ expires_at: clock.until(ttlMs) })
        .where('name', '=', name)
        .where('holder', '=', holder)
        .where('expires_at', '>', clock.current);
      if (generation !== undefined) query = query.where('generation', '=', generation);
      const renewed = await query.returningAll().executeTakeFirst();
      if (renewed !== undefined) return { ok: true, lease: toLease(codec, renewed) };
      return { ok: false, current: await current(name) };
    },
    async holds({ name, holder, generation, now }) {
      const row = await db
        .selectFrom('lease')
        .select('name')
        .where('name', '=', name)
        .where('holder', '=', holder)
        .where('generation', '=', generation)
        .where('expires_at', '>', leaseClock(codec, now).current)
        .executeTakeFirst();
      return row !== undefined;
    },
    async requestRun({ name, now }) {
      const marked = await db
        .updateTable('lease')
        .set({ run_again: 1 })
        .where('name', '=', name)
        .where('expires_at', '>', leaseClock(codec, now).current)
        .returning('name')
        .executeTakeFirst();
      return marked !== undefined;
    },
    async handOver({ name, holder, generation, now, ttlMs }) {
      const clock = leaseClock(codec, now);
      const ours = db
        .updateTable('lease')
        .where('name', '=', name)
        .where('holder', '=', holder)
        .where('generation', '=', generation);
      // Two conditional statements, never a read then a write: a mark left between them
      // makes the release miss, and the next round finds the mark.
      for (;;) {
        const again = await ours
          .set({ run_again: 0, expires_at: clock.until(ttlMs) })
          .where('run_again', '=', 1)
          .returning('name')
          .executeTakeFirst();
        if (again) return 'run-again';
        const released = await ours
          .set({ expires_at: releasedAt })
          .where('run_again', '=', 0)
          .returning('name')
          .executeTakeFirst();
        if (released) return 'released';
        const lease = await current(name);
        if (lease?.holder !== holder || lease.generation !== generation) return 'lost';
      }
    },
    async release({ name, holder }) {
      const released = await db
        .updateTable('lease')
        .set({ expires_at: releasedAt })
        .where('name', '=', name)
        .where('holder', '=', holder)
        .returning('name')
        .executeTakeFirst();
      return released !== undefined;
    },
  };
}
