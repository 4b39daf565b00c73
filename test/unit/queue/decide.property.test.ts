import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { stagingLimit } from '../../../src/queue/adaptive.js';
import { decide } from '../../../src/queue/decide.js';
import type { ObservedCheck, QueueSnapshot } from '../../../src/queue/types.js';
import {
  aCheck,
  aCommand,
  aConfig,
  anEntry,
  aPull,
  aSnapshot,
  aStaging,
  commitOf,
  serialConfig,
} from './builders.js';

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

const configs = {
  serial: serialConfig(),
  defaults: aConfig(),
  parallel: aConfig({
    queue: { parallel: 2, batch: { maxSize: 2, adaptive: false }, probes: true },
  }),
};
const config = fc.constantFrom('serial' as const, 'defaults' as const, 'parallel' as const);

/** The squash commit of PR 1 in the one staging of these worlds. */
const squash = commitOf('staging-1', 1);

/**
 * A random but internally consistent world around PR 1 (maybe staged alone) and PR 2, kept
 * small so a counterexample reads well; `snapshotOf` makes the snapshot.
 */
const world = fc.record({
  head: fc.oneof(sha, fc.constant(squash)),
  queuedHead: sha,
  base: fc.oneof(sha, fc.constant(squash)),
  stagingBase: sha,
  onBase: fc.boolean(),
  labeled: fc.boolean(),
  state: fc.constantFrom('open' as const, 'closed' as const),
  merged: fc.boolean(),
  hasStaging: fc.boolean(),
  probe: fc.boolean(),
  second: fc.boolean(),
  checks: fc.uniqueArray(check, { maxLength: 3, selector: (c) => c.name }),
  required: fc.subarray(['test', 'lint', 'build']),
  command: fc.option(fc.constantFrom('queue' as const, 'dequeue' as const, 'retry' as const)),
  permission: fc.constantFrom('read' as const, 'write' as const, 'admin' as const),
  config,
});

const snapshotOf = (w: typeof world extends fc.Arbitrary<infer T> ? T : never): QueueSnapshot =>
  aSnapshot(
    {
      baseSha: w.base,
      pulls: [
        aPull({
          headSha: w.head,
          labels: w.labeled ? ['merge-queue'] : [],
          state: w.state,
          merged: w.merged && w.state === 'closed',
        }),
        ...(w.second ? [aPull({ number: 2 })] : []),
      ],
      entries: [
        anEntry({ headSha: w.queuedHead, state: w.hasStaging ? 'testing' : 'queued' }),
        ...(w.second ? [anEntry({ pr: 2 })] : []),
      ],
      stagings: w.hasStaging
        ? [
            aStaging({
              baseSha: w.onBase ? w.base : w.stagingBase,
              probe: w.probe,
              prs: [{ pr: 1, headSha: w.queuedHead, commitSha: squash }],
              checks: w.checks,
            }),
          ]
        : [],
      requiredChecks: w.required,
      commands: w.command ? [aCommand({ kind: w.command, permission: w.permission })] : [],
    },
    configs[w.config],
  );

const configOf = (s: QueueSnapshot) => {
  if (!s.config.ok) throw new Error('unreachable');
  return s.config.config;
};

describe('decide: invariants of one decision', () => {
  it('only lands a chain built on the current base whose tip’s required checks all passed', () => {
    fc.assert(
      fc.property(world, (w) => {
        const s = snapshotOf(w);
        for (const effect of decide(s)) {
          if (effect.kind !== 'land') continue;
          expect(effect.stagings[0]!.baseSha).toBe(s.baseSha);
          const tip = effect.stagings.at(-1)!;
          expect(tip.probe).toBe(false);
          const names =
            s.requiredChecks.length > 0 ? s.requiredChecks : tip.checks.map((c) => c.name);
          expect(names.length).toBeGreaterThan(0);
          for (const name of names) {
            const latest = tip.checks.filter((c) => c.name === name);
            expect(latest.length).toBeGreaterThan(0);
            expect(
              latest.every((c) => ['success', 'neutral', 'skipped'].includes(c.conclusion ?? '')),
            ).toBe(true);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never lands or stages a PR that is closed, unlabeled, or at a head neither queued nor its own squash', () => {
    fc.assert(
      fc.property(world, (w) => {
        const s = snapshotOf(w);
        const pull = s.pulls[0]!;
        const entry = s.entries[0]!;
        const staged = s.stagings[0]?.prs[0];
        const pullOk =
          pull.state === 'open' &&
          pull.labels.includes('merge-queue') &&
          (pull.headSha === entry.headSha || pull.headSha === staged?.commitSha);
        const acting = decide(s).filter(
          (e) =>
            (e.kind === 'land' && e.stagings.some((st) => st.prs.some((p) => p.pr === 1))) ||
            (e.kind === 'build-staging' && e.prs.some((p) => p.pr === 1)),
        );
        if (!pullOk) expect(acting).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  // There may be many stagings in flight now; each decision still builds at most one.
  it('builds at most one staging per decision, and only while fewer than the limit are in flight', () => {
    fc.assert(
      fc.property(world, (w) => {
        const s = snapshotOf(w);
        const effects = decide(s);
        const builds = effects.filter((e) => e.kind === 'build-staging').length;
        expect(builds).toBeLessThanOrEqual(1);
        const ended = effects.flatMap((e) =>
          e.kind === 'abandon-staging' ||
          e.kind === 'clear-probe' ||
          (e.kind === 'fail-staging' && e.outcome === 'reject')
            ? [e.stagingId]
            : [],
        );
        // A staging the base already reached has landed: the decision only finishes it.
        const inFlight = s.stagings.filter(
          (st) => st.state !== 'failed' && !ended.includes(st.id) && st.sha !== s.baseSha,
        );
        expect(inFlight.length + builds).toBeLessThanOrEqual(stagingLimit(configOf(s)));
      }),
      { numRuns: 2000 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(world, (w) => expect(decide(snapshotOf(w))).toEqual(decide(snapshotOf(w)))),
      { numRuns: 1000 },
    );
  });

  it('stages on the observed base, or on the tip of a live staging of the chain', () => {
    fc.assert(
      fc.property(world, (w) => {
        const s = snapshotOf(w);
        const effects = decide(s);
        const ended = new Set(
          effects.flatMap((e) => (e.kind === 'abandon-staging' ? [e.stagingId] : [])),
        );
        for (const effect of effects) {
          if (effect.kind !== 'build-staging') continue;
          if (effect.probe || effect.aheadId === null) {
            expect(effect.baseSha).toBe(s.baseSha);
            continue;
          }
          const ahead = s.stagings.find((st) => st.id === effect.aheadId);
          expect(ahead).toBeDefined();
          expect(ahead!.probe).toBe(false);
          expect(ended.has(ahead!.id)).toBe(false);
          expect(effect.baseSha).toBe(ahead!.sha);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
