/** Batches that fail: rejected for bisection, retried on infra, judged by a known failing tree. */
import { describe, expect, it } from '@jest/globals';
import { decide } from '../../../src/queue/decide.js';
import { suspectsOf, type EndedStaging } from '../../../src/queue/history.js';
import type { Staging } from '../../../src/queue/types.js';
import {
  aChain,
  aConfig,
  aSnapshot,
  aStaging,
  aVerdict,
  baseSha,
  failingCheck,
  kinds,
  queued,
  running,
} from './builders.js';

/** Three stagings in flight, batches of two, no probes: sizing is fixed, not adaptive. */
const config = aConfig({
  queue: { parallel: 3, batch: { maxSize: 2, adaptive: false }, probes: false },
});
const verdict = aVerdict({ class: 'test' });
const infra = aVerdict({ class: 'infra', reason: 'runner lost' });
const prsOf = (effect: { prs?: { pr: number }[] } | undefined) => effect?.prs?.map((p) => p.pr);
const build = (effects: ReturnType<typeof decide>) =>
  effects.find((e) => e.kind === 'build-staging');

function rejected(staging: Staging): EndedStaging {
  return {
    id: staging.id,
    prs: staging.prs,
    treeSha: staging.treeSha,
    probe: staging.probe,
    createdAt: staging.createdAt,
    end: { kind: 'rejected', verdicts: [verdict] },
  };
}

describe('decide: a batch that fails', () => {
  const batch = aStaging({ prs: [1, 2], checks: failingCheck(77) });

  it('is rejected with its verdicts, and nobody is dequeued: the culprit is not known yet', () => {
    const effects = decide(
      aSnapshot({ ...queued(1, 2, 3), stagings: [batch], verdicts: { '77': verdict } }, config),
    );
    expect(effects).toContainEqual({
      kind: 'fail-staging',
      stagingId: 'staging-1',
      verdicts: [verdict],
      outcome: 'reject',
    });
    expect(kinds(effects)).not.toContain('dequeue');
  });

  it('does not test the batch it has just rejected together again in the same decision', () => {
    const effects = decide(
      aSnapshot({ ...queued(1, 2, 3), stagings: [batch], verdicts: { '77': verdict } }, config),
    );
    expect(prsOf(build(effects))).not.toEqual([1, 2]);
  });

  it('makes its PRs suspects, tested in halves and never batched with anyone else', () => {
    const { entries, pulls } = queued(1, 2, 3);
    const suspects = suspectsOf(entries, [rejected(batch)]);
    expect(suspects).toEqual({
      1: { group: 'staging-1', limit: 1 },
      2: { group: 'staging-1', limit: 1 },
    });
    const first = decide(aSnapshot({ entries, pulls, suspects }, config));
    expect(first).toEqual([
      expect.objectContaining({ kind: 'build-staging', baseSha, position: 1 }),
    ]);
    expect(prsOf(build(first))).toEqual([1]);
    // While that half is in flight, the other is never batched with the untested PR 3.
    const half = aStaging({ id: 'staging-2', prs: [1], checks: running() });
    const second = decide(aSnapshot({ entries, pulls, suspects, stagings: [half] }, config));
    for (const effect of second)
      if (effect.kind === 'build-staging')
        expect(effect.prs.map((p) => p.pr)).not.toEqual(expect.arrayContaining([2, 3]));
  });

  it('splits a batch of four into halves of two', () => {
    const four = aStaging({ prs: [1, 2, 3, 4] });
    const { entries, pulls } = queued(1, 2, 3, 4, 5);
    const suspects = suspectsOf(entries, [rejected(four)]);
    expect(suspects[1]).toEqual({ group: 'staging-1', limit: 2 });
    expect(suspects[5]).toBeUndefined();
    const wide = aConfig({
      queue: { parallel: 3, batch: { maxSize: 4, adaptive: false }, probes: false },
    });
    expect(prsOf(build(decide(aSnapshot({ entries, pulls, suspects }, wide))))).toEqual([1, 2]);
  });

  it('is re-run (`rerun-failed`, for all its PRs) when every verdict is infra, before any bisection', () => {
    const chain = aChain([
      { prs: [1, 2], checks: failingCheck(77) },
      { prs: [3], checks: running(78) },
    ]);
    const effects = decide(
      aSnapshot({ ...queued(1, 2, 3), stagings: chain, verdicts: { '77': infra } }, config),
    );
    expect(effects).toEqual([
      { kind: 'rerun-failed', stagingId: 'staging-1', checks: ['test'], prs: [1, 2] },
    ]);
  });

  it('waits for a re-run asked for while GitHub still lists the failed attempt', () => {
    const effects = decide(
      aSnapshot(
        { ...queued(1, 2), stagings: [batch], verdicts: { '77': infra }, rerunCheckRunIds: ['77'] },
        config,
      ),
    );
    expect(effects).toEqual([]);
  });
});

describe('decide: a tree known to fail', () => {
  it('is judged by the recorded verdicts, without classifying or waiting for any check', () => {
    const effects = decide(
      aSnapshot({ ...queued(1), stagings: [aStaging({ knownFailure: [verdict] })] }, config),
    );
    expect(effects).toEqual([
      expect.objectContaining({
        kind: 'dequeue',
        pr: 1,
        reason: { kind: 'checks-failed', verdicts: [verdict] },
      }),
      { kind: 'fail-staging', stagingId: 'staging-1', verdicts: [verdict], outcome: 'reject' },
    ]);
  });

  it('as a batch, is rejected at once for bisection', () => {
    const effects = decide(
      aSnapshot(
        { ...queued(1, 2), stagings: [aStaging({ prs: [1, 2], knownFailure: [verdict] })] },
        config,
      ),
    );
    expect(effects[0]).toEqual({
      kind: 'fail-staging',
      stagingId: 'staging-1',
      verdicts: [verdict],
      outcome: 'reject',
    });
    expect(kinds(effects)).not.toContain('classify-failures');
    expect(kinds(effects)).not.toContain('dequeue');
  });
});
