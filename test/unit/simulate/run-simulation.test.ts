/**
 * The simulator (`src/simulate/`) driving the real `decide()`: outcomes that follow from first
 * principles (one PR at a time takes N·T for N PRs), determinism, and the rules every run must
 * keep (every PR resolved, exactly the broken ones dequeued, no flake ejects a good PR).
 */
import { describe, expect, it } from '@jest/globals';
import { comparePolicies } from '../../../src/simulate/compare-policies.js';
import { runSimulation, type SimulationResult } from '../../../src/simulate/run-simulation.js';
import type { SimulationParameters } from '../../../src/simulate/sim-types.js';
import { defaultConfig, parametersOf, referenceConfig, withRetryBudget } from './support.js';

const policies = ['sluice', 'serial', 'bors', 'speculative'];

/** Runner minutes by what their staging came to, added up (each kind rounded to 0.01). */
function runnerMinutesByKind(result: SimulationResult): number {
  return Object.values(result.runnerMinutesPerMerged).reduce((a, b) => a + b, 0);
}

describe('runSimulation: one PR at a time (serial), from first principles', () => {
  it.each([10, 5, 30])(
    'lands a backlog at exactly 60/T PRs an hour with T = %d min, one CI run each',
    (ciMinutes) => {
      const prs = 12;
      const result = runSimulation(
        parametersOf({ prs, ciMinutes, runners: 4 }),
        referenceConfig('serial', 4),
      );
      // PR k lands when its run ends, at k·T: the last at N·T.
      expect(result).toMatchObject({ merged: prs, dequeued: 0, violations: [] });
      expect(result.mergedPerHour).toBeCloseTo(60 / ciMinutes, 9);
      expect(result.hours).toBeCloseTo((prs * ciMinutes) / 60, 9);
      expect(result.ciRunsPerMerged).toBe(1);
      expect(result.runnerHoursPerMerged).toBeCloseTo(ciMinutes / 60, 9);
      expect(result.runnerMinutesPerMerged).toEqual({ 'chain landed': ciMinutes });
      expect(result.stagingsPerMerged).toEqual({ built: 1, abandoned: 0 });
    },
  );

  it('gives exactly 6 merged/h at T = 10 min for a backlog labelled at once, waits k·T', () => {
    const prs = 12;
    const result = runSimulation(
      parametersOf({ prs, arrivalRate: 'at-once' }),
      referenceConfig('serial', 4),
    );
    expect(result).toMatchObject({ merged: prs, dequeued: 0, violations: [] });
    expect(result.mergedPerHour).toBeCloseTo(6, 9);
    // The k-th PR merges at k·T; all are labelled within the first N seconds.
    // p50 is the 7th of 12 to merge (70 min), p95 the 12th (120 min).
    const labelled = prs / 60;
    expect(result.queuedToMerged.p50).toBeLessThanOrEqual(70);
    expect(result.queuedToMerged.p50).toBeGreaterThanOrEqual(70 - labelled);
    expect(result.queuedToMerged.p95).toBeLessThanOrEqual(120);
    expect(result.queuedToMerged.p95).toBeGreaterThanOrEqual(120 - labelled);
  });

  it('spends T on a broken PR too: N PRs, of which b broken, take N·T', () => {
    const prs = 20;
    const result = runSimulation(
      parametersOf({ prs, failing: [3, 7] }),
      referenceConfig('serial', 4),
    );
    expect(result).toMatchObject({ merged: 18, dequeued: 2, violations: [] });
    // #20 is good, so the last landing is at 20·10 min: 18 merged in 200 minutes.
    expect(result.mergedPerHour).toBeCloseTo((18 * 60) / (prs * 10), 9);
    expect(result.ciRunsPerMerged).toBeCloseTo(prs / 18, 9);
    expect(result.runnerHoursPerMerged * 60).toBeCloseTo((prs * 10) / 18, 9);
  });

  it('never beats 60/T, whatever the runners and the share of broken PRs', () => {
    for (const runners of [1, 4])
      for (const failRate of [0, 0.2]) {
        const result = runSimulation(
          parametersOf({ prs: 20, failRate, runners, seed: 3 }),
          referenceConfig('serial', runners),
        );
        expect(result.mergedPerHour).toBeLessThanOrEqual(6 + 1e-9);
      }
  });
});

describe('runSimulation: the reference policies at p = 0', () => {
  it('bors lands a batch of 8 every T at saturation: 60·8/T an hour, 1/8 run per PR', () => {
    const result = runSimulation(parametersOf({ prs: 40 }), referenceConfig('bors', 4));
    expect(result).toMatchObject({ merged: 40, dequeued: 0, violations: [] });
    expect(result.mergedPerHour).toBeCloseTo(48, 9);
    expect(result.ciRunsPerMerged).toBeCloseTo(1 / 8, 9);
  });

  it('speculation never beats C·60/T (one run per PR on C runners), but beats serial', () => {
    for (const runners of [2, 4]) {
      const result = runSimulation(
        parametersOf({ prs: 40, runners }),
        referenceConfig('speculative', runners),
      );
      expect(result).toMatchObject({ merged: 40, dequeued: 0, violations: [] });
      expect(result.mergedPerHour).toBeLessThanOrEqual((runners * 60) / 10 + 1e-9);
      expect(result.mergedPerHour).toBeGreaterThan(6);
      expect(result.ciRunsPerMerged).toBe(1);
    }
  });
});

describe('runSimulation: determinism', () => {
  it('gives the same result twice for the same parameters and seed', () => {
    const parameters = parametersOf({ prs: 40, failRate: 0.2, flakyRate: 0.1, seed: 7 });
    const config = defaultConfig();
    const first = runSimulation(parameters, config);
    expect(runSimulation(parameters, config)).toEqual(first);
    expect(runSimulation({ ...parameters, arrivalRate: 30 }, config)).toEqual(
      runSimulation({ ...parameters, arrivalRate: 30 }, config),
    );
  });

  it('gives different PRs for different seeds', () => {
    const config = defaultConfig();
    const results = [1, 2, 3, 4].map((seed) =>
      JSON.stringify(runSimulation(parametersOf({ prs: 40, failRate: 0.2, seed }), config)),
    );
    expect(new Set(results).size).toBeGreaterThan(1);
  });

  it('meets every policy with the same broken PRs', () => {
    for (const seed of [1, 2]) {
      const results = comparePolicies(
        parametersOf({ prs: 30, failRate: 0.2, seed }),
        defaultConfig(),
      );
      const outcomes = results.map((r) => [r.result.merged, r.result.dequeued]);
      expect(new Set(outcomes.map((o) => o.join('/'))).size).toBe(1);
      expect(outcomes[0]![1]).toBeGreaterThan(0);
    }
  });
});

describe('runSimulation: every PR is resolved', () => {
  it.each<SimulationParameters['arrivalRate']>(['saturation', 'at-once', 30])(
    'merges or dequeues each of the PRs, for every policy (arrivals %p)',
    (arrivalRate) => {
      for (const failRate of [0.1, 0.3]) {
        const prs = 20;
        const results = comparePolicies(
          parametersOf({ prs, failRate, arrivalRate, seed: 2 }),
          defaultConfig(),
        );
        expect(results.map((r) => r.policy)).toEqual(policies);
        for (const { policy, result } of results) {
          expect({ policy, resolved: result.merged + result.dequeued }).toEqual({
            policy,
            resolved: prs,
          });
          expect({ policy, violations: result.violations }).toEqual({ policy, violations: [] });
        }
      }
    },
  );
});

describe('runSimulation: failing PRs named by number', () => {
  // The simulator reports any good PR dequeued and any broken PR landed as a violation: with
  // none, and the counts right, exactly the named PRs were dequeued and the rest merged.
  it.each([[[1]], [[2, 3, 4]], [[5, 12, 20]], [[20]], [[1, 9, 10, 11, 19]]])(
    'dequeues exactly %j and merges the rest, for every policy',
    (failing) => {
      const prs = 20;
      // failRate 1 would break every PR: it is not used when `failing` is given.
      const results = comparePolicies(parametersOf({ prs, failRate: 1, failing }), defaultConfig());
      expect(results.map((r) => r.policy)).toEqual(policies);
      for (const { policy, result } of results)
        expect({ policy, ...result }).toMatchObject({
          policy,
          merged: prs - failing.length,
          dequeued: failing.length,
          violations: [],
        });
    },
  );

  it('merges nothing when every PR fails, and everything when none does', () => {
    const prs = 6;
    const all = [1, 2, 3, 4, 5, 6];
    for (const { policy, result } of comparePolicies(
      parametersOf({ prs, failing: all }),
      defaultConfig(),
    ))
      expect({ policy, ...result }).toMatchObject({
        policy,
        merged: 0,
        dequeued: prs,
        mergedPerHour: 0,
        violations: [],
      });
    for (const { policy, result } of comparePolicies(
      parametersOf({ prs, failRate: 1, failing: [] }),
      defaultConfig(),
    ))
      expect({ policy, ...result }).toMatchObject({
        policy,
        merged: prs,
        dequeued: 0,
        violations: [],
      });
  });
});

describe("runSimulation: Sluice's policy keeps the queue's rules", () => {
  it.each([1, 4])('reports no violation over seeds, fail and flaky rates (C = %d)', (runners) => {
    const config = defaultConfig();
    for (const seed of [1, 2, 3])
      for (const failRate of [0.05, 0.2, 0.5])
        for (const flakyRate of [0, 0.15]) {
          const prs = 15;
          const result = runSimulation(
            parametersOf({ prs, failRate, flakyRate, runners, seed }),
            config,
          );
          const at = { seed, failRate, flakyRate };
          expect({ at, violations: result.violations }).toEqual({ at, violations: [] });
          expect({ at, resolved: result.merged + result.dequeued }).toEqual({
            at,
            resolved: prs,
          });
        }
  });
});

describe('runSimulation: infra flakes', () => {
  it("never eject a good PR under Sluice's default config (failRate 0: all merged)", () => {
    const config = defaultConfig();
    for (const seed of [1, 2, 3])
      for (const flakyRate of [0.05, 0.1, 0.2]) {
        const result = runSimulation(parametersOf({ prs: 20, flakyRate, seed }), config);
        expect({ seed, flakyRate, ...result }).toMatchObject({
          seed,
          flakyRate,
          merged: 20,
          dequeued: 0,
          violations: [],
        });
      }
  });

  it('never eject a good PR under any policy while the retry budget lasts', () => {
    const config = withRetryBudget(defaultConfig(), {
      perPullRequest: 20,
      perRepositoryPerDay: 1000,
    });
    for (const seed of [1, 2])
      for (const { policy, result } of comparePolicies(
        parametersOf({ prs: 20, flakyRate: 0.3, seed }),
        config,
      ))
        expect({ seed, policy, ...result }).toMatchObject({
          seed,
          policy,
          merged: 20,
          dequeued: 0,
        });
  });

  it('eject a good PR once its retry budget is spent (perPullRequest 0)', () => {
    const config = withRetryBudget(defaultConfig(), {
      perPullRequest: 0,
      perRepositoryPerDay: 20,
    });
    const result = runSimulation(
      parametersOf({ prs: 20, flakyRate: 0.3 }),
      referenceConfig('serial', 4, config),
    );
    expect(result.dequeued).toBeGreaterThan(0);
    expect(result.merged + result.dequeued).toBe(20);
  });

  it('cost one re-run each: serial runs per merged PR above 1, runner time = runs·T', () => {
    const config = withRetryBudget(defaultConfig(), {
      perPullRequest: 20,
      perRepositoryPerDay: 1000,
    });
    const result = runSimulation(
      parametersOf({ prs: 20, flakyRate: 0.3 }),
      referenceConfig('serial', 4, config),
    );
    expect(result.merged).toBe(20);
    expect(result.ciRunsPerMerged).toBeGreaterThan(1);
    // Nothing is cancelled one PR at a time: every run holds its runner for T.
    expect(result.runnerHoursPerMerged * 60).toBeCloseTo(result.ciRunsPerMerged * 10, 9);
  });
});

describe('runSimulation: CI use and waits add up', () => {
  it('serial with p = 0 runs CI exactly once per merged PR', () => {
    const result = runSimulation(parametersOf({ prs: 15 }), referenceConfig('serial', 4));
    expect(result.ciRunsPerMerged).toBe(1);
    expect(result.runnerHoursPerMerged * 60).toBeCloseTo(10, 9);
  });

  it('runner minutes never exceed runs·T, and their split adds up to the total', () => {
    for (const seed of [1, 2])
      for (const failRate of [0, 0.2]) {
        const ciMinutes = 10;
        for (const { policy, result } of comparePolicies(
          parametersOf({ prs: 20, failRate, flakyRate: 0.1, ciMinutes, seed }),
          defaultConfig(),
        )) {
          const at = `${policy} seed ${seed} p ${failRate}`;
          const minutes = result.runnerHoursPerMerged * 60;
          expect({ at, ok: result.ciRunsPerMerged > 0 && minutes > 0 }).toEqual({ at, ok: true });
          // A cancelled run holds its runner for less than T; none holds it longer.
          expect({ at, over: minutes > result.ciRunsPerMerged * ciMinutes + 1e-9 }).toEqual({
            at,
            over: false,
          });
          const kinds = Object.keys(result.runnerMinutesPerMerged).length;
          const gap = Math.abs(runnerMinutesByKind(result) - minutes);
          expect({ at, gap, adds: gap <= 0.005 * kinds + 1e-9 }).toEqual({ at, gap, adds: true });
        }
      }
  });

  it('waits at least one CI run from queued to merged, and p50 ≤ p95', () => {
    for (const arrivalRate of ['saturation', 'at-once', 20] as const)
      for (const failRate of [0, 0.2]) {
        const ciMinutes = 10;
        for (const { policy, result } of comparePolicies(
          parametersOf({ prs: 20, failRate, ciMinutes, arrivalRate, seed: 5 }),
          defaultConfig(),
        )) {
          const at = `${policy} ${arrivalRate} p ${failRate}`;
          const { p50, p95 } = result.queuedToMerged;
          expect({ at, ordered: ciMinutes <= p50 && p50 <= p95 }).toEqual({ at, ordered: true });
          expect({ at, withinRun: p95 <= result.hours * 60 }).toEqual({ at, withinRun: true });
        }
      }
  });
});
