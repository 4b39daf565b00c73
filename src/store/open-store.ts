import { createStore } from './create-store.js';
import { migrateStore } from './migrate-store.js';
import { openStoreDatabase, type StoreLocation } from './open-store-database.js';
import type { Store } from './types.js';

/** Opens the store and applies pending migrations, as the app does at start-up. */
export async function openStore(location: StoreLocation): Promise<Store> {
  const database = await openStoreDatabase(location);
  try {
    await migrateStore(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return createStore(database);
}
