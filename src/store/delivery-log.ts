import { writeTime } from './codec.js';
import type { StoreDatabase } from './store-database.js';
import type { DeliveryLog } from './types.js';

const dayMs = 24 * 60 * 60 * 1000;

export function createDeliveryLog({ db }: StoreDatabase): DeliveryLog {
  return {
    async record(deliveryId, now) {
      // The insert itself decides, so two replicas receiving a redelivery cannot both win.
      const inserted = await db
        .insertInto('webhook_delivery')
        .values({ id: deliveryId, received_at: writeTime(now) })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted !== undefined;
    },
    async prune({ now, olderThanDays }) {
      const cutoff = new Date(now.getTime() - olderThanDays * dayMs);
      const result = await db
        .deleteFrom('webhook_delivery')
        .where('received_at', '<', writeTime(cutoff))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
