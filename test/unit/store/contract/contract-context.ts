import type { Store } from '../../../../src/store/types.js';
import type { StoreHarness } from '../support/store-harness.js';

/** What each part of the contract gets: a fresh store, and its harness for a second one. */
export interface ContractContext {
  store(): Store;
  harness(): StoreHarness;
}
