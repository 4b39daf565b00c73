import { sql } from 'kysely';
import { createAttemptStore } from './attempt-store.js';
import { createDeliveryLog } from './delivery-log.js';
import { createFlakeStats } from './flake-stats.js';
import { createCommandStore } from './commands.js';
import { createPrCheckRunStore } from './pr-check-runs.js';
import { createVerdictStore } from './gate-verdicts.js';
import { createLeaseStore } from './lease-store.js';
import { createMutationJournal } from './mutation-journal.js';
import { createOutboxStore } from './outbox-store.js';
import { createQueueStore } from './queue-store.js';
import { createQueueEventLog } from './queue-events.js';
import { createQueuePauseStore } from './queue-pause-store.js';
import { createStagingStore } from './staging-store.js';
import { joinTransaction } from './join-transaction.js';
import type { StoreDatabase } from './store-database.js';
import type { Store } from './types.js';

/** The Store over an open, migrated database; closing the store closes the database. */
export function createStore(database: StoreDatabase): Store {
  return {
    queue: createQueueStore(database),
    staging: createStagingStore(database),
    attempts: createAttemptStore(database),
    journal: createMutationJournal(database),
    deliveries: createDeliveryLog(database),
    leases: createLeaseStore(database),
    flakes: createFlakeStats(database),
    commands: createCommandStore(database),
    checkRuns: createPrCheckRunStore(database),
    verdicts: createVerdictStore(database),
    outbox: createOutboxStore(database),
    pauses: createQueuePauseStore(database),
    queueEvents: createQueueEventLog(database),
    ping: async () => {
      await sql`select 1`.execute(database.db);
    },
    transaction: (work) =>
      database.db
        .transaction()
        .execute((trx) => work(createStore({ ...database, db: joinTransaction(trx) }))),
    close: () => database.close(),
  };
}
