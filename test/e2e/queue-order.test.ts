import { afterEach, describe, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { landThreeInOrder } from './support/flows.js';

describe('three queued PRs', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('land in queue order, each tested on top of the one before', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    await landThreeInOrder(s);
  });
});
