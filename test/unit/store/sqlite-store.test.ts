import { describe } from '@jest/globals';
import { describeStoreContract } from './store-contract.js';
import { sqliteHarnesses } from './support/sqlite-harness.js';

describe('SQLite store', () => {
  describeStoreContract(sqliteHarnesses);
});
