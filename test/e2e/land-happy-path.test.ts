import { afterEach, describe, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { landOnePullRequest } from './support/flows.js';

describe('label → staging → green → landed', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('lands exactly the tested staging commit, marks the PR merged and cleans up', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    await landOnePullRequest(s);
  });
});
