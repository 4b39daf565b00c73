import { describe, expect, it } from '@jest/globals';
import { decide } from '../../../src/queue/decide.js';
import type { Effect } from '../../../src/queue/effects.js';
import { buildFailuresOf, type EndedStaging } from '../../../src/queue/history.js';
import type { BuildFailure, BuildFailureRecord } from '../../../src/queue/types.js';
import {
  aConfig,
  anEntry,
  aSnapshot,
  aStaging,
  baseSha,
  headOf,
  now,
  queued,
  running,
} from './builders.js';

const config = aConfig({
  queue: { parallel: 3, batch: { maxSize: 2, adaptive: false }, probes: false },
});
const conflict: BuildFailure = { kind: 'conflict', files: ['src/widget.ts'] };
const failed = (pr: number, failure: BuildFailure, onTopOf: number[]) => ({
  [pr]: { pr, failure, onTopOf } satisfies BuildFailureRecord,
});
const built = (effects: Effect[]) =>
  effects.flatMap((e) => (e.kind === 'build-staging' ? [e.prs.map((p) => p.pr)] : []));

describe('decide: a PR whose squash could not be built', () => {
  it('conflicting with PRs ahead, waits while any of them is queued, without holding up those behind it', () => {
    const front = aStaging({ prs: [1], checks: running() });
    const effects = decide(
      aSnapshot(
        { ...queued(1, 2, 3, 4), stagings: [front], buildFailures: failed(3, conflict, [1, 2]) },
        config,
      ),
    );
    expect(built(effects)).toEqual([[2, 4]]);
    expect(effects.filter((e) => e.kind === 'dequeue')).toEqual([]);
  });

  it('conflicting with an earlier PR of its own batch, waits for it while that one is tested alone', () => {
    const effects = decide(
      aSnapshot({ ...queued(1, 2, 3), buildFailures: failed(2, conflict, [1]) }, config),
    );
    expect(built(effects)).toEqual([[1, 3]]);
  });

  it('is tried again once the PRs it conflicted with are gone (landed or dequeued)', () => {
    const effects = decide(
      aSnapshot({ ...queued(3, 4), buildFailures: failed(3, conflict, [1, 2]) }, config),
    );
    expect(effects).toEqual([
      expect.objectContaining({
        kind: 'build-staging',
        baseSha,
        prs: [expect.objectContaining({ pr: 3 }), expect.objectContaining({ pr: 4 })],
      }),
    ]);
  });

  it('conflicting with the base alone, is dequeued with `conflict`, its files and the conflict label', () => {
    const effects = decide(
      aSnapshot({ ...queued(3, 4), buildFailures: failed(3, conflict, []) }, config),
    );
    expect(effects[0]).toEqual({
      kind: 'dequeue',
      entryId: 'entry-3',
      pr: 3,
      headSha: headOf(3),
      reason: { kind: 'conflict', files: ['src/widget.ts'] },
      removeLabel: true,
      addLabels: ['sluice:conflict'],
      consecutiveFailures: 0,
    });
    expect(built(effects)).toEqual([[4]]);
  });

  it('empty on the base (its change is already there), is dequeued with reason `empty`', () => {
    const effects = decide(
      aSnapshot(
        { ...queued(3), buildFailures: failed(3, { kind: 'empty', carriedBy: 'c0ffee' }, []) },
        config,
      ),
    );
    expect(effects).toEqual([
      expect.objectContaining({
        kind: 'dequeue',
        pr: 3,
        reason: { kind: 'empty', carriedBy: 'c0ffee' },
        addLabels: [],
      }),
    ]);
  });

  it('empty on top of PRs ahead (one of them carries it), waits for them like a conflict', () => {
    const effects = decide(
      aSnapshot(
        { ...queued(1, 3), buildFailures: failed(3, { kind: 'empty', carriedBy: null }, [1]) },
        config,
      ),
    );
    expect(built(effects)).toEqual([[1]]);
    expect(effects.filter((e) => e.kind === 'dequeue')).toEqual([]);
  });

  it('because its head moved meanwhile, is dequeued as `head-moved` whatever it was built on', () => {
    const moved = 'f'.repeat(40);
    const effects = decide(
      aSnapshot(
        { ...queued(1, 3), buildFailures: failed(3, { kind: 'head-moved', headSha: moved }, [1]) },
        config,
      ),
    );
    expect(effects).toContainEqual(
      expect.objectContaining({
        kind: 'dequeue',
        pr: 3,
        reason: { kind: 'head-moved', from: headOf(3), to: moved },
      }),
    );
  });
});

describe('buildFailuresOf', () => {
  const entries = [anEntry({ pr: 1 }), anEntry({ pr: 2 })];
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
  const staging = (id: string, minutesAgo: number, end: EndedStaging['end']): EndedStaging => ({
    id,
    prs: entries.map((e) => ({ pr: e.pr, headSha: e.headSha })),
    treeSha: null,
    probe: false,
    createdAt: at(minutesAgo),
    end,
  });
  const record: BuildFailureRecord = { pr: 2, failure: conflict, onTopOf: [1] };

  it('blames the PR whose squash failed, not the others of its batch', () => {
    const history = [staging('s1', 5, { kind: 'build-failed', build: record })];
    expect(buildFailuresOf(entries, history)).toEqual({ 2: record });
  });

  it('forgets it once a later staging with that head was judged, but not after one was abandoned', () => {
    const failedBuild = staging('s1', 8, { kind: 'build-failed', build: record });
    expect(buildFailuresOf(entries, [failedBuild, staging('s2', 6, { kind: 'landed' })])).toEqual(
      {},
    );
    expect(
      buildFailuresOf(entries, [failedBuild, staging('s2', 6, { kind: 'abandoned' })]),
    ).toEqual({ 2: record });
  });
});
