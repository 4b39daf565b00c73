/** Single PRs and chain stagings that fail: dequeued, waiting for the stagings ahead, taken down with them. */
import { describe, expect, it } from '@jest/globals';
import { decide } from '../../../src/queue/decide.js';
import {
  aChain,
  aConfig,
  aSnapshot,
  aStaging,
  aVerdict,
  baseSha,
  decideUntilBuilt,
  failingCheck,
  kinds,
  passing,
  queued,
  running,
} from './builders.js';

/** Three stagings in flight, batches of two, no probes: sizing is fixed, not adaptive. */
const config = aConfig({
  queue: { parallel: 3, batch: { maxSize: 2, adaptive: false }, probes: false },
});
const verdict = aVerdict({ class: 'test' });
const prsOf = (effect: { prs?: { pr: number }[] } | undefined) => effect?.prs?.map((p) => p.pr);
const build = (effects: ReturnType<typeof decide>) =>
  effects.find((e) => e.kind === 'build-staging');
const idsLanded = (effects: ReturnType<typeof decide>) =>
  effects.flatMap((e) => (e.kind === 'land' ? e.stagings.map((s) => s.id) : []));

describe('decide: a single PR that fails', () => {
  it('at the front, is dequeued with its verdicts and its staging rejected', () => {
    const effects = decide(
      aSnapshot(
        {
          ...queued(1),
          stagings: [aStaging({ checks: failingCheck(77) })],
          verdicts: { '77': verdict },
        },
        config,
      ),
    );
    expect(effects).toEqual([
      expect.objectContaining({
        kind: 'dequeue',
        pr: 1,
        reason: { kind: 'checks-failed', verdicts: [verdict] },
        addLabels: ['sluice:test'],
        consecutiveFailures: 1,
      }),
      { kind: 'fail-staging', stagingId: 'staging-1', verdicts: [verdict], outcome: 'reject' },
    ]);
  });

  it('behind a staging still testing, is marked failed (`wait`); what was built on it is abandoned and rebuilt without it', () => {
    const chain = aChain([
      { prs: [1], checks: running(11) },
      { prs: [2], checks: failingCheck(12) },
      { prs: [3], checks: running(13) },
    ]);
    const effects = decideUntilBuilt(
      aSnapshot({ ...queued(1, 2, 3, 4), stagings: chain, verdicts: { '12': verdict } }, config),
    );
    expect(effects.slice(0, 2)).toEqual([
      {
        kind: 'abandon-staging',
        stagingId: 'staging-3',
        reason: 'ahead-failed',
        deleteBranch: false,
      },
      { kind: 'fail-staging', stagingId: 'staging-2', verdicts: [verdict], outcome: 'wait' },
    ]);
    // The next staging skips the failed one: it goes on the tip of the one ahead of it.
    expect(build(effects)).toEqual(
      expect.objectContaining({ baseSha: chain[0]!.sha, aheadId: 'staging-1' }),
    );
    expect(prsOf(build(effects))).toEqual([3, 4]);
  });

  it('waiting, failed, is left alone while the staging ahead still tests', () => {
    const chain = aChain([
      { prs: [1], checks: running(11) },
      { prs: [2], checks: failingCheck(12), state: 'failed' },
    ]);
    expect(
      decide(aSnapshot({ ...queued(1, 2), stagings: chain, verdicts: { '12': verdict } }, config)),
    ).toEqual([]);
  });

  it('waiting, failed, is judged once the staging ahead passed: dequeued, and the front lands', () => {
    const chain = aChain([
      { prs: [1], checks: passing(11) },
      { prs: [2], checks: failingCheck(12), state: 'failed' },
    ]);
    const effects = decide(
      aSnapshot({ ...queued(1, 2), stagings: chain, verdicts: { '12': verdict } }, config),
    );
    expect(effects).toEqual([
      expect.objectContaining({
        kind: 'dequeue',
        pr: 2,
        reason: expect.objectContaining({ kind: 'checks-failed' }),
      }),
      expect.objectContaining({ kind: 'fail-staging', stagingId: 'staging-2', outcome: 'reject' }),
      { kind: 'land', stagings: [chain[0]], method: 'fast-forward' },
    ]);
  });

  it('waiting, failed, is abandoned and rebuilt without the PR ahead when that one fails instead', () => {
    const chain = aChain([
      { prs: [1], checks: failingCheck(11) },
      { prs: [2], checks: failingCheck(12), state: 'failed' },
    ]);
    const effects = decideUntilBuilt(
      aSnapshot(
        { ...queued(1, 2), stagings: chain, verdicts: { '11': verdict, '12': verdict } },
        config,
      ),
    );
    expect(effects.slice(0, 3)).toEqual([
      expect.objectContaining({
        kind: 'abandon-staging',
        stagingId: 'staging-2',
        reason: 'ahead-failed',
      }),
      expect.objectContaining({ kind: 'dequeue', pr: 1 }),
      expect.objectContaining({ kind: 'fail-staging', stagingId: 'staging-1', outcome: 'reject' }),
    ]);
    expect(build(effects)).toEqual(expect.objectContaining({ baseSha, aheadId: null }));
    expect(prsOf(build(effects))).toEqual([2]);
  });
});

describe('decide: a chain staging that fails', () => {
  it('takes every staging built on it down (`ahead-failed`); they are rebuilt on the base without it', () => {
    const chain = aChain([
      { prs: [1], checks: failingCheck(11) },
      { prs: [2], checks: running(12) },
      { prs: [3], checks: passing(13) },
    ]);
    const effects = decideUntilBuilt(
      aSnapshot({ ...queued(1, 2, 3), stagings: chain, verdicts: { '11': verdict } }, config),
    );
    expect(effects.filter((e) => e.kind === 'abandon-staging')).toEqual([
      {
        kind: 'abandon-staging',
        stagingId: 'staging-2',
        reason: 'ahead-failed',
        deleteBranch: false,
      },
      {
        kind: 'abandon-staging',
        stagingId: 'staging-3',
        reason: 'ahead-failed',
        deleteBranch: false,
      },
    ]);
    expect(kinds(effects)).not.toContain('land');
    expect(build(effects)).toEqual(
      expect.objectContaining({ baseSha, aheadId: null, position: 1 }),
    );
    expect(prsOf(build(effects))).toEqual([2, 3]);
  });

  describe('a batch failing behind a staging still testing', () => {
    const chain = (front: 'running' | 'passing' | 'failing') =>
      aChain([
        {
          prs: [1],
          checks: { running: running(11), passing: passing(11), failing: failingCheck(11) }[front],
        },
        { prs: [2, 3], checks: failingCheck(12) },
        { prs: [4], checks: running(13) },
      ]);
    const decideOn = (front: 'running' | 'passing' | 'failing') =>
      decide(
        aSnapshot(
          {
            ...queued(1, 2, 3, 4, 5),
            stagings: chain(front),
            verdicts: { '11': verdict, '12': verdict },
          },
          config,
        ),
      );

    it('is held as it is, not split (the failure may be the front’s); what was built on it goes', () => {
      expect(decideOn('running')).toEqual([
        {
          kind: 'abandon-staging',
          stagingId: 'staging-3',
          reason: 'ahead-failed',
          deleteBranch: false,
        },
      ]);
    });

    it('splits once the staging ahead passed, and the front lands', () => {
      const effects = decideOn('passing');
      expect(effects).toContainEqual({
        kind: 'fail-staging',
        stagingId: 'staging-2',
        verdicts: [verdict],
        outcome: 'reject',
      });
      expect(idsLanded(effects)).toEqual(['staging-1']);
    });

    it('goes with the staging ahead when that one fails instead', () => {
      const effects = decideOn('failing');
      expect(effects).toContainEqual(
        expect.objectContaining({ kind: 'abandon-staging', stagingId: 'staging-2' }),
      );
      expect(effects).toContainEqual(expect.objectContaining({ kind: 'dequeue', pr: 1 }));
      expect(effects).not.toContainEqual(
        expect.objectContaining({ kind: 'fail-staging', stagingId: 'staging-2' }),
      );
    });
  });
});
