import { describe, expect, it } from '@jest/globals';
import { compareRepo } from '../../../src/doctor/compare-repo.js';
import type { StoreQueue } from '../../../src/doctor/observation.js';
import type { Finding } from '../../../src/doctor/types.js';
import {
  anEntry,
  anObservation,
  aPull,
  aQueue,
  aRecord,
  aView,
  now,
  sha,
  withoutGitHub,
} from './support/builders.js';

const brief = (findings: Finding[]) =>
  findings.map((f) => ({
    severity: f.severity,
    kind: f.problem.kind,
    remedy: f.remedy.kind === 'repair' ? f.remedy.repair : f.remedy.why,
  }));

/** #12 testing on staging #7, whose branch GitHub has at `branch` (null: gone). */
function testing(branch: string | null, overrides: Partial<StoreQueue> = {}) {
  const queues = [
    aQueue({ entries: [anEntry({ state: 'testing' })], inFlight: [aRecord()], ...overrides }),
  ];
  const view = aView({
    pulls: new Map([[12, aPull()]]),
    branches: new Map([
      ['main', sha('b0')],
      ['sluice/staging/main/1', branch],
    ]),
  });
  return compareRepo(anObservation({ queues, view })).findings;
}

const abandon = (requeue: { entryId: number; number: number }[] = []) => ({
  kind: 'close-staging',
  stagingId: 7,
  from: 'testing',
  state: 'abandoned',
  requeue,
});

describe('doctor: staging records in flight', () => {
  it('is content with a record testing at its branch', () => {
    expect(testing(sha('5c'))).toEqual([]);
  });

  it('abandons a record under test whose branch is gone, sending its PR back to be rebuilt', () => {
    expect(brief(testing(null))).toEqual([
      {
        severity: 'error',
        kind: 'staging-branch-missing',
        remedy: abandon([{ entryId: 1, number: 12 }]),
      },
    ]);
  });

  it('abandons a record under test whose branch moved, and deletes what is on the branch', () => {
    expect(brief(testing(sha('e9')))).toEqual([
      {
        severity: 'error',
        kind: 'staging-branch-moved',
        remedy: abandon([{ entryId: 1, number: 12 }]),
      },
      {
        severity: 'warning',
        kind: 'orphan-staging-branch',
        remedy: { kind: 'delete-branch', branch: 'sluice/staging/main/1', sha: sha('e9') },
      },
    ]);
  });

  it.each(['passed', 'failed', 'landing'] as const)(
    'leaves a %s record without its branch alone: checks report on the commit',
    (state) => {
      const inFlight = [aRecord({ state })];
      expect(brief(testing(null, { inFlight }))).toEqual([
        { severity: 'warning', kind: 'staging-branch-missing', remedy: { kind: 'lands-by-sha' } },
      ]);
    },
  );

  it.each([
    [
      'abandons a build that has not moved for ten minutes',
      new Date(now.getTime() - 10 * 60_000),
      1,
    ],
    ['leaves a build that is still young alone', new Date(now.getTime() - 9 * 60_000), 0],
  ])('%s', (_, updatedAt, count) => {
    const inFlight = [aRecord({ state: 'building', commitSha: null, treeSha: null, updatedAt })];
    const queues = [aQueue({ entries: [anEntry()], inFlight })];
    const findings = compareRepo(anObservation({ queues, github: withoutGitHub })).findings;
    expect(findings.map((f) => f.problem.kind)).toEqual(count ? ['staging-stuck-building'] : []);
  });

  it('abandons a record whose PR left the queue, in the same run that ends the entry', () => {
    const queues = [aQueue({ entries: [anEntry({ state: 'testing' })], inFlight: [aRecord()] })];
    const view = aView({
      pulls: new Map([[12, aPull({ state: 'closed' })]]),
      branches: new Map([
        ['main', sha('b0')],
        ['sluice/staging/main/1', sha('5c')],
      ]),
    });
    const findings = compareRepo(anObservation({ queues, view })).findings;
    expect(brief(findings).map((f) => [f.kind, f.remedy])).toEqual([
      ['entry-pr-closed', expect.objectContaining({ kind: 'end-entry' })],
      ['staging-pr-left', abandon()],
      // Its branch is nobody's any more, so it goes too.
      [
        'orphan-staging-branch',
        { kind: 'delete-branch', branch: 'sluice/staging/main/1', sha: sha('5c') },
      ],
    ]);
  });

  it('closes a record as landed when the base already is its commit', () => {
    const queues = [aQueue({ entries: [], inFlight: [aRecord({ state: 'landing' })] })];
    const view = aView({
      branches: new Map([
        ['main', sha('5c')],
        ['sluice/staging/main/1', sha('5c')],
      ]),
    });
    const [finding] = compareRepo(anObservation({ queues, view })).findings;
    expect(finding?.remedy).toEqual({
      kind: 'repair',
      repair: {
        kind: 'close-staging',
        stagingId: 7,
        from: 'landing',
        state: 'landed',
        requeue: [],
      },
    });
  });
});
