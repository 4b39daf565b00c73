import { describe, expect, it } from '@jest/globals';
import { decide } from '../../../src/queue/decide.js';
import type { GateVerdictSummary } from '../../../src/queue/gate-policy.js';
import type { QueueSnapshot } from '../../../src/queue/types.js';
import {
  aConfig,
  anEntry,
  aPull,
  aSnapshot,
  aStaging,
  aVerdict,
  failingCheck,
  serialConfig,
} from './builders.js';

/** PR 1 alone at the front, its required check failed (check run 77) with this verdict. */
const failing = (verdict: GateVerdictSummary, overrides: Partial<QueueSnapshot> = {}) =>
  aSnapshot(
    {
      pulls: [aPull()],
      entries: [anEntry({ state: 'testing' })],
      stagings: [aStaging({ checks: failingCheck(77) })],
      verdicts: { '77': verdict },
      ...overrides,
    },
    serialConfig(),
  );

describe('decide: gate verdicts', () => {
  it('re-runs the failed jobs of an infra flake within budget', () => {
    const effects = decide(failing(aVerdict({ class: 'infra' })));
    expect(effects).toEqual([
      { kind: 'rerun-failed', stagingId: 'staging-1', checks: ['test'], prs: [1] },
    ]);
  });

  it('waits for the re-run instead of asking again while GitHub still lists the failed attempt', () => {
    expect(decide(failing(aVerdict({ class: 'infra' }), { rerunCheckRunIds: ['77'] }))).toEqual([]);
  });

  it('dequeues an infra failure once the retry budget is spent', () => {
    const effects = decide(
      failing(aVerdict({ class: 'infra' }), {
        retryUsage: { byEntry: { 'entry-1': 2 }, byRepoToday: 2 },
      }),
    );
    expect(effects[0]).toEqual(
      expect.objectContaining({ kind: 'dequeue', addLabels: ['sluice:infra'] }),
    );
  });

  // The staging is judged (`fail-staging` reject, remembered as a failed tree), not abandoned.
  it('dequeues a formatter failure with its class label and the verdict, and rejects its staging', () => {
    const verdict = aVerdict({ class: 'fmt', fix: 'cargo fmt' });
    const effects = decide(failing(verdict));
    expect(effects).toEqual([
      expect.objectContaining({
        kind: 'dequeue',
        reason: { kind: 'checks-failed', verdicts: [verdict] },
        addLabels: ['sluice:fmt'],
        consecutiveFailures: 1,
      }),
      {
        kind: 'fail-staging',
        stagingId: 'staging-1',
        verdicts: [verdict],
        outcome: 'reject',
      },
    ]);
  });

  it('blocks a PR on its third consecutive failure at the same head', () => {
    const head = aPull().headSha;
    const effects = decide(
      failing(aVerdict(), { failureStreaks: { 1: { headSha: head, count: 2 } } }),
    );
    expect(effects[0]).toEqual(
      expect.objectContaining({
        kind: 'dequeue',
        reason: expect.objectContaining({ kind: 'blocked', failures: 3 }),
        addLabels: ['sluice:test', 'sluice:blocked'],
      }),
    );
  });

  it('does not count failures of an earlier head towards the block', () => {
    const effects = decide(
      failing(aVerdict(), { failureStreaks: { 1: { headSha: 'old'.padEnd(40, '0'), count: 2 } } }),
    );
    expect(effects[0]).toEqual(
      expect.objectContaining({
        consecutiveFailures: 1,
        reason: expect.objectContaining({ kind: 'checks-failed' }),
      }),
    );
  });

  it('follows a configured per-class action', () => {
    const config = serialConfig({ gates: { onFailure: { infra: 'dequeue' } } });
    const effects = decide({
      ...failing(aVerdict({ class: 'infra' })),
      config: { ok: true, config },
    });
    expect(effects[0]).toEqual(expect.objectContaining({ kind: 'dequeue' }));
  });
});

describe('decide: gate verdicts on a batch', () => {
  const batchFailing = (verdict: GateVerdictSummary, overrides: Partial<QueueSnapshot> = {}) =>
    aSnapshot(
      {
        pulls: [aPull({ number: 1 }), aPull({ number: 2 })],
        entries: [anEntry({ pr: 1, state: 'testing' }), anEntry({ pr: 2, state: 'testing' })],
        stagings: [aStaging({ prs: [1, 2], checks: failingCheck(77) })],
        verdicts: { '77': verdict },
        ...overrides,
      },
      aConfig({ queue: { parallel: 1, batch: { maxSize: 2, adaptive: false }, probes: false } }),
    );

  it('re-runs an infra flake of a batch for all its PRs', () => {
    expect(decide(batchFailing(aVerdict({ class: 'infra' })))).toEqual([
      { kind: 'rerun-failed', stagingId: 'staging-1', checks: ['test'], prs: [1, 2] },
    ]);
  });

  it('counts the retry budget of the member that spent most of it', () => {
    const effects = decide(
      batchFailing(aVerdict({ class: 'infra' }), {
        retryUsage: { byEntry: { 'entry-2': 2 }, byRepoToday: 2 },
      }),
    );
    expect(effects).not.toContainEqual(expect.objectContaining({ kind: 'rerun-failed' }));
    expect(effects).toContainEqual(
      expect.objectContaining({ kind: 'fail-staging', stagingId: 'staging-1', outcome: 'reject' }),
    );
  });
});
