import { describe, expect, it } from '@jest/globals';
import type { Effect } from '../../../src/queue/effects.js';
import type { Staging } from '../../../src/queue/types.js';
import type { Applied } from '../../../src/reconcile/apply/context.js';
import type { Observation } from '../../../src/reconcile/observe.js';
import { effectRecorder } from '../../../src/metrics/record-effect.js';
import type { Attempt, StagingRecord, StoredVerdict } from '../../../src/store/types.js';
import { sampleValue } from '../../support/parse-prometheus-text.js';
import {
  aCheck,
  aSnapshot,
  aStaging,
  aVerdict,
  anEntry,
  failingCheck,
  now,
  passing,
  running,
  type StagingOverrides,
} from '../queue/builders.js';
import { aLog, scrapeSamples, someMetrics } from './support.js';

const widgets = { repo: 'acme/widgets', base: 'main' };
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

/** What the store holds about staging 7 of entry 1: pushed at `pushedAt`, these verdicts. */
function aStore(options: { pushedAt?: Date; verdicts?: Partial<StoredVerdict>[] } = {}) {
  const attempt: Attempt = {
    id: 1,
    entryId: 1,
    stagingId: 7,
    startedAt: options.pushedAt ?? minutes(-12),
    finishedAt: null,
    outcome: 'running',
    failureClass: null,
    evidence: null,
    rerunsUsed: 0,
  };
  const verdicts = (options.verdicts ?? []).map((v): StoredVerdict => ({
    stagingId: 7,
    checkRunId: '77',
    checkName: 'test',
    class: 'infra',
    verdict: null,
    rerunAt: null,
    createdAt: now,
    ...v,
  }));
  return {
    attempts: { listForEntry: () => Promise.resolve([attempt]) },
    verdicts: { listForStaging: () => Promise.resolve(verdicts) },
  };
}

function aRecord(staging: Staging): StagingRecord {
  return {
    ...widgets,
    id: Number(staging.id),
    baseSha: staging.baseSha,
    prs: staging.prs.map((p, i) => ({
      number: p.pr,
      headSha: p.headSha,
      commitSha: p.commitSha,
      entryId: i + 1,
    })),
    ref: 'sluice/staging/main/1',
    position: 1,
    probe: staging.probe,
    commitSha: staging.sha,
    treeSha: staging.treeSha,
    state: staging.state,
    checksStartDeadline: null,
    failure: null,
    verdicts: null,
    createdAt: staging.createdAt,
    updatedAt: staging.createdAt,
  };
}

function anObservation(stagings: Staging[] = []): Observation {
  return {
    snapshot: aSnapshot({ entries: [anEntry({ pr: 1, queuedAt: minutes(-45) })], stagings }),
    pulls: new Map(),
    stagings: stagings.map(aRecord),
    failedTrees: new Map(),
  };
}

async function record(
  effects: { effect: Effect; applied?: Applied; observation?: Observation }[],
  store = aStore(),
) {
  const metrics = someMetrics();
  const log = aLog();
  const events = effectRecorder(metrics, store, log);
  for (const { effect, applied = 'done', observation = anObservation() } of effects)
    await events.effectApplied({ queue: widgets, effect, applied, observation, at: now });
  return { samples: await scrapeSamples(metrics), log };
}

const staging = (overrides: StagingOverrides = {}) => aStaging({ id: '7', ...overrides });
const merged = (pr: number): Effect => ({
  kind: 'finish-merged',
  entryId: `entry-${pr}`,
  pr,
  headSha: 'h',
  stagingSha: 's',
});

describe('the metrics of applied effects', () => {
  it('counts a merge and observes how long the PR was queued', async () => {
    const { samples } = await record([{ effect: merged(1) }]);
    expect(sampleValue(samples, 'sluice_prs_merged_total', widgets)).toBe(1);
    expect(sampleValue(samples, 'sluice_pr_queued_to_merged_seconds_sum', widgets)).toBe(45 * 60);
    expect(
      sampleValue(samples, 'sluice_pr_queued_to_merged_seconds_bucket', { ...widgets, le: '3600' }),
    ).toBe(1);
  });

  it('counts a dequeue by reason and the class of the gate that failed', async () => {
    const dequeue = (reason: Extract<Effect, { kind: 'dequeue' }>['reason']): Effect => ({
      kind: 'dequeue',
      entryId: 'entry-1',
      pr: 1,
      headSha: 'h',
      reason,
      removeLabel: true,
      addLabels: [],
      consecutiveFailures: 0,
    });
    const { samples } = await record([
      { effect: dequeue({ kind: 'checks-failed', verdicts: [aVerdict({ class: 'lint' })] }) },
      { effect: dequeue({ kind: 'conflict', files: ['a.ts'] }) },
      { effect: dequeue({ kind: 'command', by: 'mona' }) },
      { effect: dequeue({ kind: 'command', by: 'mona' }) },
    ]);
    const dequeued = (reason: string, gateClass: string) =>
      sampleValue(samples, 'sluice_prs_dequeued_total', {
        ...widgets,
        reason,
        gate_class: gateClass,
      });
    expect(dequeued('checks-failed', 'lint')).toBe(1);
    expect(dequeued('conflict', 'conflict')).toBe(1);
    expect(dequeued('command', 'none')).toBe(2);
  });

  it('counts nothing for an effect that found GitHub other than observed', async () => {
    const { samples } = await record([{ effect: merged(1), applied: 'stale' }]);
    expect(samples.filter((s) => s.name.startsWith('sluice_prs_'))).toEqual([]);
  });

  it('times CI from the push to the landing, and counts the flakes a re-run turned green', async () => {
    const landed = staging({ prs: [1, 2], checks: passing(78), state: 'landing' });
    const store = aStore({
      pushedAt: minutes(-12),
      verdicts: [
        { class: 'infra', rerunAt: minutes(-6) },
        { checkRunId: '79', rerunAt: null },
      ],
    });
    const { samples } = await record(
      [
        { effect: { kind: 'rerun-failed', stagingId: '7', checks: ['test'], prs: [1, 2] } },
        // Each PR of the staging ends merged; the last one's merge times the staging.
        { effect: merged(1), observation: anObservation([landed]) },
        { effect: merged(2), observation: anObservation([landed]) },
      ],
      store,
    );
    const passed = { ...widgets, outcome: 'passed' };
    expect(sampleValue(samples, 'sluice_staging_ci_duration_seconds_count', passed)).toBe(1);
    expect(sampleValue(samples, 'sluice_staging_ci_duration_seconds_sum', passed)).toBe(12 * 60);
    expect(sampleValue(samples, 'sluice_staging_retries_total', widgets)).toBe(1);
    expect(
      sampleValue(samples, 'sluice_staging_flakes_total', { ...widgets, gate_class: 'infra' }),
    ).toBe(1);
    expect(sampleValue(samples, 'sluice_prs_merged_total', widgets)).toBe(2);
  });

  it('does not time a staging landed on a later pass while its own checks ran', async () => {
    const ahead = staging({ checks: running(), state: 'landing' });
    const { samples } = await record([{ effect: merged(1), observation: anObservation([ahead]) }]);
    expect(
      sampleValue(samples, 'sluice_staging_ci_duration_seconds_count', {
        ...widgets,
        outcome: 'passed',
      }),
    ).toBeUndefined();
  });

  it('times a failed staging once: when it starts waiting, not again when it is rejected', async () => {
    const failing = staging({ checks: failingCheck() });
    const fail = (outcome: 'wait' | 'reject'): Effect => ({
      kind: 'fail-staging',
      stagingId: '7',
      verdicts: [aVerdict()],
      outcome,
    });
    const { samples } = await record([
      { effect: fail('wait'), observation: anObservation([failing]) },
      { effect: fail('reject'), observation: anObservation([{ ...failing, state: 'failed' }]) },
    ]);
    expect(
      sampleValue(samples, 'sluice_staging_ci_duration_seconds_count', {
        ...widgets,
        outcome: 'failed',
      }),
    ).toBe(1);
  });

  it('does not time a staging judged by a tree that failed before, without CI', async () => {
    const known = staging({ knownFailure: [aVerdict()], checks: [aCheck()] });
    const { samples } = await record([
      {
        effect: { kind: 'fail-staging', stagingId: '7', verdicts: [aVerdict()], outcome: 'reject' },
        observation: anObservation([known]),
      },
    ]);
    expect(samples.some((s) => s.name.startsWith('sluice_staging_ci_duration'))).toBe(false);
  });

  it('logs a metric it could not record and never fails the reconcile', async () => {
    const cleared = staging({ probe: true, checks: passing() });
    const broken = {
      attempts: { listForEntry: () => Promise.reject(new Error('store down')) },
      verdicts: { listForStaging: () => Promise.resolve([]) },
    };
    const { log } = await record(
      [{ effect: { kind: 'clear-probe', stagingId: '7' }, observation: anObservation([cleared]) }],
      broken,
    );
    expect(log.lines).toContainEqual(
      expect.objectContaining({ level: 'warn', msg: 'metrics not recorded' }),
    );
  });
});
