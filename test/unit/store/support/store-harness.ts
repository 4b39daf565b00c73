import { openStore } from '../../../../src/store/open-store.js';
import {
  openStoreDatabase,
  type StoreLocation,
} from '../../../../src/store/open-store-database.js';
import type { StoreDatabase } from '../../../../src/store/store-database.js';
import type { Store } from '../../../../src/store/types.js';

/** A database of one test's own: a SQLite file, or a PostgreSQL schema. */
export interface StoreHarness {
  location: StoreLocation;
  /** A store on the database; several may be open at once, as replicas would be. */
  open(): Promise<Store>;
  /** The database without a store and without migrating. */
  openDatabase(): Promise<StoreDatabase>;
  /** Closes everything opened through the harness, then removes or empties the database. */
  dispose(): Promise<void>;
}

export type HarnessFactory = () => Promise<StoreHarness>;

export interface HarnessFactories {
  /** A database nothing has touched, for the migration tests. */
  empty: HarnessFactory;
  /** A migrated database without rows: what every other test starts from. */
  migrated: HarnessFactory;
}

export function createHarness(location: StoreLocation, cleanUp: () => Promise<void>): StoreHarness {
  const opened: { close(): Promise<void> }[] = [];
  const track = <T extends { close(): Promise<void> }>(handle: T): T => {
    opened.push(handle);
    return handle;
  };
  return {
    location,
    open: async () => track(await openStore(location)),
    openDatabase: async () => track(await openStoreDatabase(location)),
    dispose: async () => {
      await Promise.all(opened.map((handle) => handle.close()));
      await cleanUp();
    },
  };
}
