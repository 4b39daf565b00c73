import { describe, expect, it } from '@jest/globals';
import { describeQueue, type EntryStatus } from '../../../src/queue/describe-queue.js';
import type { QueueSnapshot } from '../../../src/queue/types.js';
import {
  aChain,
  aConfig,
  aPull,
  aSnapshot,
  aStaging,
  aVerdict,
  failingCheck,
  passing,
  queued,
  running,
} from './builders.js';

const config = aConfig({
  queue: { parallel: 3, batch: { maxSize: 2, adaptive: false }, probes: true },
});
const statusOf = (snapshot: QueueSnapshot, pr: number): EntryStatus =>
  describeQueue(snapshot).find((view) => view.pr === pr)!.status;
const placeOf = (snapshot: QueueSnapshot, pr: number) => {
  const status = statusOf(snapshot, pr);
  if (status.kind !== 'testing') throw new Error(`#${pr} is ${status.kind}`);
  return status.place;
};

describe('describeQueue', () => {
  const chain = aChain([
    { prs: [1, 2], checks: passing(11) },
    { prs: [3], checks: running(12) },
  ]);
  const snapshot = aSnapshot({ ...queued(1, 2, 3, 4), stagings: chain }, config);

  it('gives each staged PR its staging’s place in line, "staging i of n", and the PRs tested with it', () => {
    expect(placeOf(snapshot, 1)).toEqual({
      probe: false,
      stagingSha: chain[0]!.sha,
      index: 1,
      of: 2,
      with: [2],
      bisecting: null,
      failedWaitingForAhead: false,
    });
    expect(placeOf(snapshot, 2)).toEqual(expect.objectContaining({ index: 1, of: 2, with: [1] }));
    expect(placeOf(snapshot, 3)).toEqual(expect.objectContaining({ index: 2, of: 2, with: [] }));
    expect(statusOf(snapshot, 1)).toEqual(
      expect.objectContaining({ kind: 'testing', position: 1, queueLength: 4 }),
    );
    expect(statusOf(snapshot, 4)).toEqual({
      kind: 'waiting',
      position: 4,
      queueLength: 4,
      priority: 'normal',
      hold: null,
      waitingFor: null,
      bisecting: null,
      cleared: false,
    });
  });

  it('describes a PR whose probe passed as waiting, cleared, as it will be once the probe ends', () => {
    const probe = aStaging({ id: 'probe-1', prs: [2], probe: true, checks: passing() });
    const live = aSnapshot({ ...queued(1, 2), stagings: [probe] }, config);
    expect(statusOf(live, 2)).toMatchObject({ kind: 'waiting', cleared: true });
    const ended = aSnapshot({ ...queued(1, 2), stagings: [], cleared: [2] }, config);
    expect(statusOf(ended, 2)).toEqual(statusOf(live, 2));
    const testing = aSnapshot(
      { ...queued(1, 2), stagings: [{ ...probe, checks: running() }] },
      config,
    );
    expect(statusOf(testing, 2)).toMatchObject({ kind: 'testing' });
  });

  it('counts only the chain under a staging, not the probes beside it', () => {
    const [front, behind] = aChain([[1], [3]]);
    const probe = aStaging({ id: 'probe-1', prs: [2], probe: true });
    // Chain order as observed: the probe was started between the two.
    const mixed = aSnapshot({ ...queued(1, 2, 3), stagings: [front!, probe, behind!] }, config);
    expect(placeOf(mixed, 3).index).toBe(2);
    // A probe is built on the base: nothing is ahead of it.
    expect(placeOf(mixed, 2).index).toBe(1);
  });

  it('says a failed staging waits for the stagings ahead of it', () => {
    const waiting = aChain([
      { prs: [1], checks: running(11) },
      { prs: [2], checks: failingCheck(12), state: 'failed' },
    ]);
    const s = aSnapshot(
      { ...queued(1, 2), stagings: waiting, verdicts: { '12': aVerdict() } },
      config,
    );
    expect(placeOf(s, 2).failedWaitingForAhead).toBe(true);
    expect(statusOf(s, 2)).toEqual(
      expect.objectContaining({ checks: expect.objectContaining({ kind: 'failed' }) }),
    );
    expect(placeOf(s, 1).failedWaitingForAhead).toBe(false);
  });

  it('shows a known-failing tree as failed without a failing check to point at', () => {
    const s = aSnapshot(
      { ...queued(1), stagings: [aStaging({ knownFailure: [aVerdict()] })] },
      config,
    );
    expect(statusOf(s, 1)).toEqual(
      expect.objectContaining({ checks: { kind: 'failed', failing: [] } }),
    );
  });

  it('marks the suspects of a failed batch as `bisecting`, with the size of the batch', () => {
    const suspects = {
      1: { group: 'staging-9', limit: 1 },
      2: { group: 'staging-9', limit: 1 },
    };
    const s = aSnapshot(
      { ...queued(1, 2, 3), suspects, stagings: [aStaging({ prs: [1], checks: running() })] },
      config,
    );
    expect(placeOf(s, 1).bisecting).toEqual({ batchSize: 2 });
    expect(statusOf(s, 2)).toEqual(
      expect.objectContaining({ kind: 'waiting', bisecting: { batchSize: 2 } }),
    );
    expect(statusOf(s, 3)).toEqual(expect.objectContaining({ kind: 'waiting', bisecting: null }));
  });

  it('names the queued PRs a PR waits for after its squash conflicted with them (or was carried by them)', () => {
    const conflict = { kind: 'conflict' as const, files: ['src/a.ts'] };
    const s = aSnapshot(
      {
        ...queued(1, 3, 4, 5),
        buildFailures: {
          3: { pr: 3, failure: conflict, onTopOf: [1, 2] },
          4: { pr: 4, failure: { kind: 'empty', carriedBy: null }, onTopOf: [1] },
          5: { pr: 5, failure: conflict, onTopOf: [] },
        },
      },
      config,
    );
    // PR 2 is no longer queued: only PR 1 is waited for.
    expect(statusOf(s, 3)).toEqual(
      expect.objectContaining({ waitingFor: { prs: [1], files: ['src/a.ts'], empty: false } }),
    );
    expect(statusOf(s, 4)).toEqual(
      expect.objectContaining({ waitingFor: { prs: [1], files: [], empty: true } }),
    );
    expect(statusOf(s, 5)).toEqual(expect.objectContaining({ waitingFor: null }));
  });

  it('gives the hold of a PR that cannot be staged yet', () => {
    const s = aSnapshot(
      { ...queued(1), pulls: [aPull({ approvals: 1 })], requiredApprovals: 2 },
      config,
    );
    expect(statusOf(s, 1)).toEqual(
      expect.objectContaining({ hold: { kind: 'approvals', have: 1, need: 2 } }),
    );
  });

  it('says only that the config is broken while it is', () => {
    const s = { ...snapshot, config: { ok: false as const, errors: [] } };
    expect(describeQueue(s).map((v) => v.status)).toEqual(
      Array.from({ length: 4 }, () => ({ kind: 'config-broken' })),
    );
  });
});
