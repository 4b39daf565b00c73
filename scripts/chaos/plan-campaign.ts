import type { ApiFault, RunPlan } from './fault-plan.js';
import type { LandingScenarioSpec } from './landing-scenario.js';
import { seededRandom } from './seeded-random.js';

export interface CampaignShape {
  seed: number;
  /** One PR instead of two, one run of each randomised kind. */
  quick: boolean;
  /** Runs of each randomised kind (random kills, webhook chaos, 5xx, races, policy, replicas). */
  runs: number;
}

/** What the fault-free run showed: the app's writes in order and how many requests it made. */
export interface Baseline {
  writes: string[];
  requests: number;
}

/**
 * Three PRs, the middle one broken: the queue's defaults test them as one batch, bisect it,
 * and land the clean two (together, or one behind the other in the chain), so every fault
 * meets a batch landing and a bisection. `--quick`: one clean PR.
 */
export function campaignScenario(shape: CampaignShape): LandingScenarioSpec {
  return { pulls: shape.quick ? [{}] : [{}, { failing: 'test' }, {}] };
}

export function baselinePlan(shape: CampaignShape): RunPlan {
  return {
    id: 'fault-free',
    seed: shape.seed,
    scenario: campaignScenario(shape),
    fault: { kind: 'none' },
  };
}

/** `POST git/create-ref 201` -> `git/create-ref`. */
const opOf = (write: string) => write.split(' ')[1]!;

/**
 * Every run after the fault-free one: a kill after each of its writes (all positions), then
 * `runs` seeded runs of each other kind. The same seed and baseline give the same plans.
 */
export function planCampaign(shape: CampaignShape, baseline: Baseline): RunPlan[] {
  const random = seededRandom(shape.seed);
  const scenario = campaignScenario(shape);
  const plans: RunPlan[] = [];
  const add = (id: string, fault: RunPlan['fault'], spec = scenario) =>
    plans.push({ id, seed: shape.seed * 1000 + plans.length + 1, scenario: spec, fault });
  for (let write = 1; write <= baseline.writes.length; write++)
    add(`kill-after-write-${write}`, { kind: 'kill-after-write', write });
  const ops = [...new Set(baseline.writes.map(opOf))];
  const lintLater = { pulls: [{}, { failing: 'lint' as const }] };
  for (let run = 1; run <= shape.runs; run++) {
    const request = random.int(1, Math.max(1, baseline.requests));
    add(`kill-at-random-${run}`, { kind: 'kill-after-request', request });
    add(`webhook-chaos-${run}`, { kind: 'webhook-chaos', dropRate: 0.3 });
    const faults: ApiFault[] = Array.from({ length: 3 }, () => ({
      op: random.pick(ops),
      when: random.pick(['before', 'after'] as const),
      status: random.pick([500, 502, 503]),
    }));
    add(`api-5xx-${run}`, { kind: 'api-5xx', faults });
    add(`push-during-landing-${run}`, { kind: 'push-during-landing' });
    add(`config-change-${run}`, { kind: 'policy-change', what: 'config' }, lintLater);
    add(`protection-change-${run}`, { kind: 'policy-change', what: 'protection' }, lintLater);
    const killAfterWrite = random.int(1, Math.max(1, baseline.writes.length));
    add(`replicas-${run}`, { kind: 'replicas', killAfterWrite });
  }
  return plans;
}
