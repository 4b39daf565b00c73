import { describe, expect, it } from '@jest/globals';
import { runChaosPlan } from '../../scripts/chaos/run-chaos-plan.js';
import { planCampaign, type CampaignShape } from '../../scripts/chaos/plan-campaign.js';
import { describeFault } from '../../scripts/chaos/fault-plan.js';

/**
 * The deterministic slice of `npm run chaos` (docs/reliability.md): one PR, and the app
 * SIGKILLed right after each of its GitHub writes in turn, restarted, and left to finish.
 * The oracle reads only the local GitHub's final state.
 */
describe('the app is killed after each of its GitHub writes while landing one PR', () => {
  const shape: CampaignShape = { seed: 1, quick: true, runs: 0 };

  it('lands the PR exactly once, tested, keeping its commits and telling it once, whatever write it dies after', async () => {
    const baseline = await runChaosPlan({
      id: 'fault-free',
      seed: shape.seed,
      scenario: { pulls: [{}] },
      fault: { kind: 'none' },
    });
    expect(baseline.verdict.problems).toEqual([]);
    expect(baseline.writes.length).toBeGreaterThan(0);

    const kills = planCampaign(shape, baseline).filter((p) => p.fault.kind === 'kill-after-write');
    expect(kills).toHaveLength(baseline.writes.length);
    const broken: string[] = [];
    for (const plan of kills) {
      const result = await runChaosPlan(plan);
      for (const problem of result.verdict.problems)
        broken.push(
          `${describeFault(plan.fault)} (${baseline.writes[kills.indexOf(plan)]}): ${problem}`,
        );
    }
    expect(broken).toEqual([]);
  });
});
