import { describe, expect, it } from '@jest/globals';
import { decide } from '../../../src/queue/decide.js';
import type { GateVerdictSummary } from '../../../src/queue/gate-policy.js';
import { aCheck, aConfig, anEntry, aPull, aSnapshot, aStaging } from './builders.js';

function aVerdict(overrides: Partial<GateVerdictSummary> = {}): GateVerdictSummary {
  return {
    check: 'test',
    url: null,
    class: 'test',
    confidence: 0.9,
    reason: 'a test failed',
    job: 'test',
    step: 'Run npm test',
    signature: 'jest/fail',
    line: 10,
    context: [],
    annotations: [],
    ...overrides,
  };
}

const failing = (verdict: GateVerdictSummary, overrides = {}) =>
  aSnapshot({
    pulls: [aPull()],
    entries: [anEntry({ state: 'testing' })],
    staging: aStaging(),
    stagingChecks: [aCheck({ conclusion: 'failure', checkRunId: 77 })],
    verdicts: { '77': verdict },
    ...overrides,
  });

describe('decide: gate verdicts', () => {
  it('re-runs the failed jobs of an infra flake within budget', () => {
    const effects = decide(failing(aVerdict({ class: 'infra' })));
    expect(effects).toEqual([
      { kind: 'rerun-failed', stagingId: 'staging-1', checks: ['test'], pr: 1 },
    ]);
  });

  it('waits for the re-run instead of asking again while GitHub still lists the failed attempt', () => {
    expect(decide(failing(aVerdict({ class: 'infra' }), { rerunCheckRunIds: ['77'] }))).toEqual([]);
  });

  it('dequeues an infra failure once the retry budget is spent', () => {
    const effects = decide(
      failing(aVerdict({ class: 'infra' }), {
        retryBudget: { usedByEntry: 2, usedByRepoToday: 2 },
      }),
    );
    expect(effects[0]).toEqual(
      expect.objectContaining({ kind: 'dequeue', addLabels: ['sluice:infra'] }),
    );
  });

  it('dequeues a formatter failure with its class label and the verdict', () => {
    const verdict = aVerdict({ class: 'fmt', fix: 'cargo fmt' });
    const effects = decide(failing(verdict));
    expect(effects).toEqual([
      expect.objectContaining({
        kind: 'dequeue',
        reason: { kind: 'checks-failed', verdicts: [verdict] },
        addLabels: ['sluice:fmt'],
        consecutiveFailures: 1,
      }),
      expect.objectContaining({ kind: 'abandon-staging', deleteBranch: true }),
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
    const config = aConfig('gates:\n  onFailure:\n    infra: dequeue\n');
    const effects = decide({
      ...failing(aVerdict({ class: 'infra' })),
      config: { ok: true, config },
    });
    expect(effects[0]).toEqual(expect.objectContaining({ kind: 'dequeue' }));
  });
});
