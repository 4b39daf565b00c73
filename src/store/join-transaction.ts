import type { Kysely, Transaction } from 'kysely';
import type { StoreSchema } from './schema.js';

/**
 * A transaction that the stores can use as their database: each store opens its own
 * transaction for multi-row changes (`db.transaction().execute(...)`), which Kysely refuses
 * inside a transaction. Here that call joins the outer one instead, so several stores'
 * changes (an entry's new state and what Sluice will tell about it) commit together or not
 * at all. Methods are bound to the real transaction: Kysely keeps its state in private fields.
 */
export function joinTransaction(trx: Transaction<StoreSchema>): Kysely<StoreSchema> {
  const joined: Kysely<StoreSchema> = new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction')
        return () => ({
          execute: <T>(work: (db: Kysely<StoreSchema>) => Promise<T>) => work(joined),
        });
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(target)
        : value;
    },
  });
  return joined;
}
