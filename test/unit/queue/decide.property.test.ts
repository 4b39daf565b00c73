import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decide } from '../../../src/queue/decide.js';
import type { ObservedCheck, QueueSnapshot } from '../../../src/queue/types.js';
import { aCheck, aCommand, anEntry, aPull, aSnapshot, aStaging, baseSha } from './builders.js';

const sha = fc.constantFrom('a'.repeat(40), 'b'.repeat(40), 'c'.repeat(40), 'd'.repeat(40));
const conclusion = fc.constantFrom(
  'success',
  'failure',
  'neutral',
  'cancelled',
  'skipped',
  'timed_out',
  null,
);

const check: fc.Arbitrary<ObservedCheck> = fc
  .record({
    name: fc.constantFrom('test', 'lint', 'build'),
    conclusion,
    id: fc.integer({ min: 1, max: 5 }),
  })
  .map(({ name, conclusion, id }) =>
    aCheck({
      name,
      conclusion: conclusion as ObservedCheck['conclusion'],
      state: conclusion === null ? 'pending' : 'completed',
      checkRunId: id,
    }),
  );

/** A random but internally consistent world around PR 1 (and maybe PR 2). */
const snapshot: fc.Arbitrary<QueueSnapshot> = fc
  .record({
    head: sha,
    queuedHead: sha,
    base: sha,
    stagingBase: sha,
    labeled: fc.boolean(),
    state: fc.constantFrom('open' as const, 'closed' as const),
    merged: fc.boolean(),
    hasStaging: fc.boolean(),
    checks: fc.uniqueArray(check, { maxLength: 3, selector: (c) => c.name }),
    required: fc.subarray(['test', 'lint', 'build']),
    command: fc.option(fc.constantFrom('queue' as const, 'dequeue' as const, 'retry' as const)),
    permission: fc.constantFrom('read' as const, 'write' as const, 'admin' as const),
  })
  .map((w) =>
    aSnapshot({
      baseSha: w.base,
      pulls: [
        aPull({
          headSha: w.head,
          labels: w.labeled ? ['merge-queue'] : [],
          state: w.state,
          merged: w.merged && w.state === 'closed',
        }),
      ],
      entries: [anEntry({ headSha: w.queuedHead, state: w.hasStaging ? 'testing' : 'queued' })],
      staging: w.hasStaging
        ? aStaging({ baseSha: w.stagingBase, prs: [{ pr: 1, headSha: w.queuedHead }] })
        : null,
      stagingChecks: w.hasStaging ? w.checks : [],
      requiredChecks: w.required,
      commands: w.command ? [aCommand({ kind: w.command, permission: w.permission })] : [],
    }),
  );

describe('decide: invariants', () => {
  it('only lands a staging whose base is the current base and whose required checks all passed', () => {
    fc.assert(
      fc.property(snapshot, (s) => {
        for (const effect of decide(s)) {
          if (effect.kind !== 'land') continue;
          expect(effect.staging.baseSha).toBe(s.baseSha);
          const names =
            s.requiredChecks.length > 0 ? s.requiredChecks : s.stagingChecks.map((c) => c.name);
          expect(names.length).toBeGreaterThan(0);
          for (const name of names) {
            const latest = s.stagingChecks.filter((c) => c.name === name);
            expect(latest.length).toBeGreaterThan(0);
            expect(
              latest.every((c) => ['success', 'neutral', 'skipped'].includes(c.conclusion ?? '')),
            ).toBe(true);
          }
        }
      }),
    );
  });

  it('never lands or stages a PR that is closed, unlabeled, or whose head is not the queued head', () => {
    fc.assert(
      fc.property(snapshot, (s) => {
        const pull = s.pulls[0]!;
        const entry = s.entries[0]!;
        const pullOk =
          pull.state === 'open' &&
          pull.labels.includes('merge-queue') &&
          (pull.headSha === entry.headSha || pull.headSha === s.staging?.sha);
        const acting = decide(s).filter((e) => e.kind === 'land' || e.kind === 'build-staging');
        if (!pullOk) expect(acting).toEqual([]);
      }),
    );
  });

  it('never has more than one staging in flight', () => {
    fc.assert(
      fc.property(snapshot, (s) => {
        const effects = decide(s);
        const builds = effects.filter((e) => e.kind === 'build-staging').length;
        const abandons = effects.filter((e) => e.kind === 'abandon-staging').length;
        expect(builds).toBeLessThanOrEqual(1);
        if (builds === 1 && s.staging) expect(abandons).toBe(1);
      }),
    );
  });

  it('is deterministic', () => {
    fc.assert(fc.property(snapshot, (s) => expect(decide(s)).toEqual(decide(s))));
  });

  it('stages on the observed base', () => {
    fc.assert(
      fc.property(snapshot, (s) => {
        for (const effect of decide(s))
          if (effect.kind === 'build-staging') expect(effect.baseSha).toBe(s.baseSha);
      }),
    );
    expect(baseSha).toHaveLength(40);
  });
});
