import { afterEach, describe, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { landOnePullRequest, landThreeInOrder } from './support/flows.js';

describe('with the PostgreSQL store', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('lands one PR exactly as tested', async () => {
    s = await startScenario({
      ci: stagingCi(),
      requiredChecks: ['build', 'test'],
      store: 'postgres',
    });
    await landOnePullRequest(s);
  });

  it('lands three PRs in queue order', async () => {
    s = await startScenario({
      ci: stagingCi(),
      requiredChecks: ['build', 'test'],
      store: 'postgres',
    });
    await landThreeInOrder(s);
  });
});
