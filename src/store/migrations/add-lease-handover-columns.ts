import type { Kysely } from 'kysely';

/**
 * Leases that hand over: `generation` counts the holders a lease has had (the fencing token a
 * holder checks before each GitHub write), and `run_again` is the mark a replica turned away
 * by a busy lease leaves for the holder, which runs once more before releasing. Both are
 * integers on both databases (SQLite has no boolean); existing rows start at 0.
 */
export async function addLeaseHandoverColumns(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('lease')
    .addColumn('generation', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('lease')
    .addColumn('run_again', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
}
