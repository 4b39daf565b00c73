import { afterAll, describe } from '@jest/globals';
import { describeStoreContract } from './store-contract.js';
import { reusedPostgresSchema } from './support/postgres-harness.js';

describe('PostgreSQL store', () => {
  const harnesses = reusedPostgresSchema();
  afterAll(() => harnesses.drop());
  describeStoreContract(harnesses);
});
