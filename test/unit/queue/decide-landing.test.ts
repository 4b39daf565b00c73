import { describe, expect, it } from '@jest/globals';
import { decide } from '../../../src/queue/decide.js';
import type { Effect } from '../../../src/queue/effects.js';
import {
  aChain,
  aConfig,
  aPull,
  aSnapshot,
  aStaging,
  aVerdict,
  baseSha,
  failingCheck,
  kinds,
  passing,
  queued,
  running,
} from './builders.js';

const queue = (extra: object = {}) =>
  aConfig({
    queue: { parallel: 3, batch: { maxSize: 2, adaptive: false }, probes: false, ...extra },
  });
const config = queue();
const laterPass = queue({ landOnLaterPass: true });
const lands = (effects: Effect[]) => effects.filter((e) => e.kind === 'land');
const idsOf = (effect: Effect | undefined) =>
  effect?.kind === 'land' ? effect.stagings.map((s) => s.id) : undefined;

describe('decide: landing the chain', () => {
  it('lands the run of passed stagings from the front in one `land`', () => {
    const chain = aChain([
      { prs: [1, 2], checks: passing(11) },
      { prs: [3], checks: passing(12) },
      { prs: [4], checks: running(13) },
    ]);
    const effects = decide(aSnapshot({ ...queued(1, 2, 3, 4), stagings: chain }, config));
    expect(effects).toEqual([
      { kind: 'land', stagings: [chain[0], chain[1]], method: 'fast-forward' },
    ]);
  });

  it('lands nothing while the front still tests, whatever passed behind it', () => {
    const chain = aChain([
      { prs: [1], checks: running(11) },
      { prs: [2], checks: passing(12) },
    ]);
    expect(lands(decide(aSnapshot({ ...queued(1, 2), stagings: chain }, config)))).toEqual([]);
  });

  it('with `landOnLaterPass`, lands a later passed staging together with everything ahead of it', () => {
    const chain = aChain([
      { prs: [1], checks: running(11) },
      { prs: [2], checks: passing(12) },
      { prs: [3], checks: running(13) },
    ]);
    const effects = decide(aSnapshot({ ...queued(1, 2, 3), stagings: chain }, laterPass));
    expect(lands(effects)).toHaveLength(1);
    expect(idsOf(lands(effects)[0])).toEqual(['staging-1', 'staging-2']);
  });

  it('with `landOnLaterPass`, never lands past a staging whose checks failed', () => {
    const chain = aChain([
      { prs: [1], checks: running(11) },
      { prs: [2], checks: failingCheck(12) },
      { prs: [3], checks: passing(13) },
    ]);
    const effects = decide(aSnapshot({ ...queued(1, 2, 3), stagings: chain }, laterPass));
    expect(effects).toEqual([
      { kind: 'classify-failures', stagingId: 'staging-2', checks: ['test'] },
    ]);
  });

  it('with `landOnLaterPass`, never lands past a failed staging waiting for judgement', () => {
    const [first, waiting] = aChain([
      { prs: [1], checks: running(11) },
      { prs: [2], checks: failingCheck(12), state: 'failed' },
    ]);
    // Built on the first, skipping the failed one.
    const behind = aStaging({
      id: 'staging-3',
      prs: [3],
      baseSha: first!.sha,
      checks: passing(13),
    });
    const effects = decide(
      aSnapshot({ ...queued(1, 2, 3), stagings: [first!, waiting!, behind] }, laterPass),
    );
    expect(lands(effects)).toEqual([]);
  });

  it('finishes the PRs of the staging the base reached and of every staging under it, each told its own commit', () => {
    const chain = aChain([[1], [2, 3], [4]].map((prs) => ({ prs, checks: passing() })));
    const effects = decide(
      aSnapshot({ ...queued(1, 2, 3, 4), stagings: chain, baseSha: chain[1]!.sha }, config),
    );
    const commitOf = (pr: number) =>
      chain.flatMap((s) => s.prs).find((p) => p.pr === pr)!.commitSha;
    expect(effects.filter((e) => e.kind === 'finish-merged')).toEqual(
      [1, 2, 3].map((pr) => expect.objectContaining({ pr, stagingSha: commitOf(pr) })),
    );
    // What is left of the chain now starts on the base: it lands next.
    expect(idsOf(lands(effects)[0])).toEqual(['staging-3']);
  });

  it('dequeues the PRs of a staging GitHub refused to land, and abandons what was built on it', () => {
    const chain = aChain([{ prs: [1], checks: passing() }, { prs: [2] }]);
    const effects = decide(
      aSnapshot(
        { ...queued(1, 2), stagings: chain, landFailures: { 'staging-1': 'protected branch' } },
        config,
      ),
    );
    expect(effects.slice(0, 3)).toEqual([
      expect.objectContaining({
        kind: 'dequeue',
        pr: 1,
        reason: { kind: 'land-failed', reason: 'protected branch' },
      }),
      expect.objectContaining({
        kind: 'abandon-staging',
        stagingId: 'staging-1',
        reason: 'pr-left',
      }),
      expect.objectContaining({
        kind: 'abandon-staging',
        stagingId: 'staging-2',
        reason: 'ahead-failed',
      }),
    ]);
    expect(lands(effects)).toEqual([]);
  });
});

describe('decide: probes', () => {
  const probing = queue({ probes: true });
  const probe = aStaging({ id: 'probe-1', prs: [3, 4], probe: true, checks: passing(99) });

  it('a probe that passes is cleared (`clear-probe`) and never lands, while the chain beside it does', () => {
    const front = aStaging({ prs: [1, 2], checks: passing(11) });
    const effects = decide(aSnapshot({ ...queued(1, 2, 3, 4), stagings: [front, probe] }, probing));
    expect(effects).toEqual([
      { kind: 'clear-probe', stagingId: 'probe-1' },
      { kind: 'land', stagings: [front], method: 'fast-forward' },
    ]);
  });

  it('a probe alone on the base that passes is never landed, even at the front', () => {
    const effects = decide(aSnapshot({ ...queued(3, 4), stagings: [probe] }, probing));
    expect(effects[0]).toEqual({ kind: 'clear-probe', stagingId: 'probe-1' });
    expect(lands(effects)).toEqual([]);
  });

  it('a probe of one PR that fails on the base convicts it', () => {
    const single = aStaging({ id: 'probe-1', prs: [3], probe: true, checks: failingCheck(99) });
    const front = aStaging({ prs: [1], checks: running(11) });
    const effects = decide(
      aSnapshot(
        { ...queued(1, 3), stagings: [front, single], verdicts: { '99': aVerdict() } },
        probing,
      ),
    );
    expect(kinds(effects)).toEqual(['dequeue', 'fail-staging']);
    expect(effects[1]).toEqual(
      expect.objectContaining({ stagingId: 'probe-1', outcome: 'reject' }),
    );
  });
});

describe('decide: the base moving under the chain', () => {
  it('abandons the chain (`base-moved`, then `ahead-failed`) but not the probes beside it', () => {
    const chain = aChain([
      { prs: [1], checks: passing(11) },
      { prs: [2], checks: running(12) },
    ]);
    const probe = aStaging({ id: 'probe-1', prs: [3], probe: true, checks: running(13) });
    const moved = 'c'.repeat(40);
    const effects = decide(
      aSnapshot(
        { ...queued(1, 2, 3), stagings: [...chain, probe], baseSha: moved },
        queue({ probes: true }),
      ),
    );
    expect(effects.filter((e) => e.kind === 'abandon-staging')).toEqual([
      {
        kind: 'abandon-staging',
        stagingId: 'staging-1',
        reason: 'base-moved',
        deleteBranch: false,
      },
      {
        kind: 'abandon-staging',
        stagingId: 'staging-2',
        reason: 'ahead-failed',
        deleteBranch: false,
      },
    ]);
    expect(lands(effects)).toEqual([]);
    const rebuilt = effects.find((e) => e.kind === 'build-staging');
    expect(rebuilt).toEqual(expect.objectContaining({ baseSha: moved, aheadId: null }));
  });
});

describe('decide: a PR from a fork', () => {
  const withFork = (fork: number, ...prs: number[]) => {
    const { entries, pulls } = queued(...prs);
    return {
      entries,
      pulls: pulls.map((p) =>
        p.number === fork ? aPull({ number: fork, headRepo: 'bob/widgets' }) : p,
      ),
    };
  };
  const wide = queue({ probes: true });

  it('is staged alone at the front of the line', () => {
    const effects = decide(aSnapshot(withFork(1, 1, 2, 3), wide));
    expect(effects).toEqual([
      {
        kind: 'build-staging',
        baseSha,
        aheadId: null,
        position: 1,
        probe: false,
        prs: [expect.objectContaining({ pr: 1 })],
      },
    ]);
  });

  it('has nothing built behind it, in line or as a probe, while it is in flight', () => {
    const staged = aStaging({ prs: [1], checks: running() });
    expect(decide(aSnapshot({ ...withFork(1, 1, 2, 3), stagings: [staged] }, wide))).toEqual([]);
  });

  it('waits, with everything behind it, for the stagings ahead of it to land', () => {
    const ahead = aStaging({ prs: [1], checks: running() });
    expect(decide(aSnapshot({ ...withFork(2, 1, 2, 3), stagings: [ahead] }, wide))).toEqual([]);
  });

  it('lands through the merge API, alone', () => {
    const staged = aStaging({ prs: [1], checks: passing() });
    expect(decide(aSnapshot({ ...withFork(1, 1, 2), stagings: [staged] }, wide))).toEqual([
      { kind: 'land', stagings: [staged], method: 'merge-api' },
    ]);
  });
});
