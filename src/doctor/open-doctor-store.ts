import { existsSync } from 'node:fs';
import { pendingMigrations } from '../store/migrate-store.js';
import { createStore } from '../store/create-store.js';
import { openStoreDatabase, type StoreLocation } from '../store/open-store-database.js';
import type { Store } from '../store/types.js';
import { describeMissingStore, describePendingMigrations } from '../messages/doctor-errors.js';
import { createStoreInventory, type StoreInventory } from './read-store-inventory.js';

export type DoctorStore =
  | { ok: true; store: Store; inventory: StoreInventory; description: string }
  | { ok: false; message: string };

/**
 * Opens an existing, migrated store and changes nothing about it: a missing SQLite file is
 * not created and pending migrations are not applied (`sluice migrate` does that), since a
 * store the app never opened has nothing to compare. Store errors (a SQLite file the app has
 * open, PostgreSQL unreachable) are thrown as StoreError.
 */
export async function openDoctorStore(location: StoreLocation): Promise<DoctorStore> {
  if ('sqlitePath' in location && !existsSync(location.sqlitePath))
    return { ok: false, message: describeMissingStore(location.sqlitePath) };
  const database = await openStoreDatabase(location);
  try {
    const pending = await pendingMigrations(database);
    if (pending.length > 0) {
      await database.close();
      return { ok: false, message: describePendingMigrations(database.description, pending) };
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    ok: true,
    store: createStore(database),
    inventory: createStoreInventory(database),
    description: database.description,
  };
}
