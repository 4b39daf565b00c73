import type { Selectable } from 'kysely';
import { writeTime, type Codec } from './codec.js';
import { StoreError } from './errors.js';
import { appendQueueEvent } from './queue-events.js';
import type { StoredPause } from './records.js';
import type { StoreSchema } from './schema.js';
import type { StoreDatabase } from './store-database.js';
import type { QueuePauseStore } from './types.js';

function toPause(codec: Codec, row: Selectable<StoreSchema['queue_pause']>): StoredPause {
  return {
    repo: row.repo,
    base: row.base,
    reason: row.reason,
    pausedBy: row.paused_by,
    pausedAt: codec.readTime(row.paused_at),
  };
}

/**
 * Each try either inserts, changes the reason or finds the pause as asked; only a resume
 * committed by another replica between its statements sends it round again.
 */
const pauseTries = 3;

export function createQueuePauseStore({ db, codec }: StoreDatabase): QueuePauseStore {
  return {
    async get({ repo, base }) {
      const row = await db
        .selectFrom('queue_pause')
        .selectAll()
        .where('repo', '=', repo)
        .where('base', '=', base)
        .executeTakeFirst();
      return row && toPause(codec, row);
    },
    pause: ({ repo, base, reason, by, now }) =>
      db.transaction().execute(async (trx) => {
        // Insert or update rather than read then write: two replicas (or two operators) pausing
        // at once must not both insert, and the database decides which one did.
        for (let attempt = 1; attempt <= pauseTries; attempt++) {
          const changed =
            (await trx
              .insertInto('queue_pause')
              .values({ repo, base, reason, paused_by: by, paused_at: writeTime(now) })
              .onConflict((conflict) => conflict.columns(['repo', 'base']).doNothing())
              .returningAll()
              .executeTakeFirst()) ??
            // Already paused: who paused it and since when stay, so the pause reads as one.
            (await trx
              .updateTable('queue_pause')
              .set({ reason })
              .where('repo', '=', repo)
              .where('base', '=', base)
              .where('reason', '<>', reason)
              .returningAll()
              .executeTakeFirst());
          if (changed) {
            const detail = { reason };
            await appendQueueEvent(trx, codec, {
              repo,
              base,
              kind: 'paused',
              actor: by,
              detail,
              now,
            });
            return { changed: true, pause: toPause(codec, changed) };
          }
          const kept = await trx
            .selectFrom('queue_pause')
            .selectAll()
            .where('repo', '=', repo)
            .where('base', '=', base)
            .executeTakeFirst();
          if (kept) return { changed: false, pause: toPause(codec, kept) };
        }
        throw new StoreError(`Could not pause ${repo} ${base}: it kept being resumed meanwhile.`);
      }),
    resume: ({ repo, base, by, now }) =>
      db.transaction().execute(async (trx) => {
        const deleted = await trx
          .deleteFrom('queue_pause')
          .where('repo', '=', repo)
          .where('base', '=', base)
          .executeTakeFirst();
        if (Number(deleted.numDeletedRows) !== 1) return false;
        await appendQueueEvent(trx, codec, { repo, base, kind: 'resumed', actor: by, now });
        return true;
      }),
    async listPaused() {
      return db
        .selectFrom('queue_pause')
        .select(['repo', 'base'])
        .orderBy('repo')
        .orderBy('base')
        .execute();
    },
  };
}
