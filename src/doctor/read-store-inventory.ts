import { liveStagingStates as inFlightStates } from '../store/index.js';
import { activeEntryStates } from '../store/records.js';
import type { StoreDatabase } from '../store/store-database.js';

/** Which repositories and queues the store holds anything about. */
export interface StoreInventory {
  listRepos(): Promise<string[]>;
  /** Bases with active entries, waiting requests or stagings in flight (chain or probes). */
  listBases(repo: string): Promise<string[]>;
}

const openJournalStates = ['pending', 'unknown'];

/**
 * Read-only queries the Store interface has no method for (it is shaped for the reconciler,
 * which always knows its queue): every repository with live rows, every queue with live rows.
 */
export function createStoreInventory({ db }: StoreDatabase): StoreInventory {
  return {
    async listRepos() {
      const lists = await Promise.all([
        db
          .selectFrom('queue_entry')
          .select('repo')
          .where('state', 'in', activeEntryStates)
          .distinct()
          .execute(),
        db
          .selectFrom('queue_command')
          .select('repo')
          .where('consumed_at', 'is', null)
          .distinct()
          .execute(),
        db
          .selectFrom('staging_record')
          .select('repo')
          .where('state', 'in', inFlightStates)
          .distinct()
          .execute(),
        db
          .selectFrom('mutation_journal')
          .select('repo')
          .where('status', 'in', openJournalStates)
          .distinct()
          .execute(),
        db.selectFrom('flake_stat').select('repo').distinct().execute(),
      ]);
      return [...new Set(lists.flat().map((row) => row.repo))].sort();
    },
    async listBases(repo) {
      const lists = await Promise.all([
        db
          .selectFrom('queue_entry')
          .select('base')
          .where('repo', '=', repo)
          .where('state', 'in', activeEntryStates)
          .distinct()
          .execute(),
        db
          .selectFrom('queue_command')
          .select('base')
          .where('repo', '=', repo)
          .where('consumed_at', 'is', null)
          .distinct()
          .execute(),
        db
          .selectFrom('staging_record')
          .select('base')
          .where('repo', '=', repo)
          .where('state', 'in', inFlightStates)
          .distinct()
          .execute(),
      ]);
      return [...new Set(lists.flat().map((row) => row.base))].sort();
    },
  };
}
