/**
 * The claim docs/benchmarks.md ("Merge queue throughput (simulated)") and the README make: at
 * p = 0.1 with four runners, Sluice's default policy lands at least as many PRs an hour as each
 * reference (serial, bors-style batches, GitHub-style speculation). The benchmark checks it on
 * 2,000 PRs; this keeps it from regressing unnoticed, on fewer.
 */
import { describe, expect, it } from '@jest/globals';
import { comparePolicies } from '../../../src/simulate/compare-policies.js';
import { defaultConfig, parametersOf } from './support.js';

describe('comparePolicies', () => {
  it.each([1, 2])(
    "Sluice's default config merges at least as many PRs an hour as each reference (p = 0.1, C = 4, seed %d)",
    (seed) => {
      const prs = 300;
      const results = comparePolicies(
        parametersOf({ prs, failRate: 0.1, runners: 4, arrivalRate: 'saturation', seed }),
        defaultConfig(),
      );
      expect(results.map((r) => r.policy)).toEqual(['sluice', 'serial', 'bors', 'speculative']);
      for (const { policy, result } of results)
        expect({
          policy,
          violations: result.violations,
          resolved: result.merged + result.dequeued,
        }).toEqual({ policy, violations: [], resolved: prs });
      const sluice = results[0]!.result.mergedPerHour;
      for (const { policy, result } of results.slice(1)) {
        const reference = result.mergedPerHour;
        expect({ policy, sluice, reference, ahead: sluice >= reference }).toEqual({
          policy,
          sluice,
          reference,
          ahead: true,
        });
      }
    },
  );

  it('describes each policy as it runs it', () => {
    const results = comparePolicies(parametersOf({ prs: 5, runners: 3 }), defaultConfig());
    expect(results.map((r) => [r.policy, r.description])).toEqual([
      ['sluice', 'batches up to 8 (adaptive), parallel auto, probes'],
      ['serial', 'one PR at a time (Kodiak)'],
      ['bors', 'one batch of up to 8 at a time, bisected on failure (bors-ng)'],
      ['speculative', '3 single PRs in flight, each on the one ahead (GitHub merge queue)'],
    ]);
  });
});
