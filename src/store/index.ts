export { openStore } from './open-store.js';
export { createStore } from './create-store.js';
export {
  migrateStore,
  pendingMigrations,
  readMigrationStatus,
  type MigrationStatus,
} from './migrate-store.js';
export {
  defaultSqlitePath,
  openStoreDatabase,
  resolveStoreLocation,
  type StoreLocation,
} from './open-store-database.js';
export type { StoreDatabase } from './store-database.js';
export { StoreError, StoreLockedError, StoreMigrationError } from './errors.js';
export {
  activeEntryStates,
  endedEntryStates,
  endedStagingStates,
  liveStagingStates,
} from './records.js';
export type * from './types.js';
