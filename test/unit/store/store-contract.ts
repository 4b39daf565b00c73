import { afterEach, beforeEach, describe } from '@jest/globals';
import type { Store } from '../../../src/store/types.js';
import { describeAttemptsContract } from './contract/attempts-contract.js';
import { describeConcurrencyContract } from './contract/concurrency-contract.js';
import type { ContractContext } from './contract/contract-context.js';
import { describeEntryUpdatesContract } from './contract/entry-updates-contract.js';
import { describeDeliveriesContract } from './contract/deliveries-contract.js';
import { describeFlakesContract } from './contract/flakes-contract.js';
import { describeJournalContract } from './contract/journal-contract.js';
import { describeLeasesContract } from './contract/leases-contract.js';
import { describeMigrationsContract } from './contract/migrations-contract.js';
import { describeQueueContract } from './contract/queue-contract.js';
import { describeQueueDepthContract } from './contract/queue-depth-contract.js';
import { describeQueueHistoryContract } from './contract/queue-history-contract.js';
import { describeStagingContract } from './contract/staging-contract.js';
import { describeStagingChainContract } from './contract/staging-chain-contract.js';
import { describeOrchestrationContract } from './contract/orchestration-contract.js';
import { describeOutboxContract } from './contract/outbox-contract.js';
import { describePausesContract } from './contract/pauses-contract.js';
import { describePingContract } from './contract/ping-contract.js';
import { describePriorityContract } from './contract/priority-contract.js';
import type { HarnessFactories, StoreHarness } from './support/store-harness.js';

/**
 * What every Store must do, whatever the database: the SQLite and PostgreSQL test files run
 * this same suite, each test on a database no other test (or test file) touches.
 */
export function describeStoreContract(harnesses: HarnessFactories): void {
  describe('on a migrated store', () => {
    let harness: StoreHarness;
    let store: Store;
    beforeEach(async () => {
      harness = await harnesses.migrated();
      store = await harness.open();
    });
    afterEach(() => harness.dispose());

    const context: ContractContext = { store: () => store, harness: () => harness };
    describeQueueContract(context);
    describeQueueDepthContract(context);
    describeQueueHistoryContract(context);
    describeEntryUpdatesContract(context);
    describeStagingContract(context);
    describeStagingChainContract(context);
    describeAttemptsContract(context);
    describeJournalContract(context);
    describeDeliveriesContract(context);
    describeLeasesContract(context);
    describeFlakesContract(context);
    describeConcurrencyContract(context);
    describeOrchestrationContract(context);
    describeOutboxContract(context);
    describePingContract(context);
    describePriorityContract(context);
    describePausesContract(context);
  });
  describeMigrationsContract(harnesses.empty);
}
