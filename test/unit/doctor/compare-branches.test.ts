import { describe, expect, it } from '@jest/globals';
import { compareRepo } from '../../../src/doctor/compare-repo.js';
import type { StoreQueue } from '../../../src/doctor/observation.js';
import type { StagingRecord } from '../../../src/store/types.js';
import { anEntry, anObservation, aQueue, aRecord, aView, sha } from './support/builders.js';

/** The staging branches GitHub has, against a store holding `queues` and past `records`. */
function leftovers(
  branches: Record<string, string>,
  options: { queues?: StoreQueue[]; records?: StagingRecord[] } = {},
) {
  const view = aView({
    branches: new Map<string, string | null>([['main', sha('b0')], ...Object.entries(branches)]),
    lastRecordByRef: new Map((options.records ?? []).map((r) => [r.ref, r])),
  });
  return compareRepo(anObservation({ queues: options.queues ?? [], view })).findings.map((f) => ({
    severity: f.severity,
    branch: f.problem.kind === 'orphan-staging-branch' ? f.problem.branch : f.problem.kind,
    fix: f.remedy.kind === 'repair' ? f.remedy.repair.kind : f.remedy.why.kind,
  }));
}

describe('doctor: leftover staging branches', () => {
  it('deletes the branch a landed record left at its commit, as information only', () => {
    const records = [aRecord({ state: 'landed', commitSha: sha('5c') })];
    expect(leftovers({ 'sluice/staging/main/1': sha('5c') }, { records })).toEqual([
      { severity: 'info', branch: 'sluice/staging/main/1', fix: 'delete-branch' },
    ]);
  });

  it('warns about a leftover branch at a commit its last record never had', () => {
    const records = [aRecord({ state: 'abandoned', commitSha: null })];
    expect(leftovers({ 'sluice/staging/main/1': sha('e9') }, { records })).toEqual([
      { severity: 'warning', branch: 'sluice/staging/main/1', fix: 'delete-branch' },
    ]);
  });

  it('leaves the branch of a record in flight alone', () => {
    const queues = [aQueue({ entries: [anEntry({ state: 'testing' })], inFlight: [aRecord()] })];
    expect(leftovers({ 'sluice/staging/main/1': sha('5c') }, { queues })).toEqual([]);
  });

  describe('beside a chain of three stagings in flight', () => {
    const inFlight = [1, 2, 3].map((n) =>
      aRecord({
        id: 5 + n,
        position: n,
        ref: `sluice/staging/main/${n}`,
        baseSha: n === 1 ? sha('b0') : sha(`c${n - 1}`),
        prs: [{ entryId: n, number: 11 + n, headSha: sha(`a${n}`), commitSha: sha(`c${n}`) }],
        commitSha: sha(`c${n}`),
      }),
    );
    const queues = [
      aQueue({
        entries: [1, 2, 3].map((n) => anEntry({ id: n, number: 11 + n, state: 'testing' })),
        inFlight,
      }),
    ];
    const owned = Object.fromEntries(inFlight.map((r) => [r.ref, r.commitSha!]));

    it('keeps each staging branch its record owns', () => {
      expect(leftovers(owned, { queues })).toEqual([]);
    });

    it('deletes a stray branch further along, left by a staging that ended', () => {
      const records = [
        aRecord({ id: 4, position: 4, ref: 'sluice/staging/main/4', state: 'abandoned' }),
      ];
      const stray = { ...owned, 'sluice/staging/main/4': sha('5c') };
      expect(leftovers(stray, { queues, records })).toEqual([
        { severity: 'info', branch: 'sluice/staging/main/4', fix: 'delete-branch' },
      ]);
    });

    it("deletes, with a warning, a branch in Sluice's naming no staging record ever used", () => {
      const stray = { ...owned, 'sluice/staging/main/4': sha('e9') };
      expect(leftovers(stray, { queues })).toEqual([
        { severity: 'warning', branch: 'sluice/staging/main/4', fix: 'delete-branch' },
      ]);
    });
  });

  it('deletes the staging branch from before batches, as information only', () => {
    const queues = [aQueue({ entries: [anEntry()] })];
    expect(leftovers({ 'sluice/staging/main': sha('5c') }, { queues })).toEqual([
      { severity: 'info', branch: 'sluice/staging/main', fix: 'delete-branch' },
    ]);
    // The one a record from before batches used, at its commit, likewise.
    const records = [aRecord({ state: 'landed', ref: 'sluice/staging/main', position: null })];
    expect(leftovers({ 'sluice/staging/main': sha('5c') }, { records })).toEqual([
      { severity: 'info', branch: 'sluice/staging/main', fix: 'delete-branch' },
    ]);
  });

  it.each([
    [
      'an idle queue',
      [],
      [{ severity: 'info', branch: 'sluice/staging/main-scratch', fix: 'delete-branch' }],
    ],
    [
      'a queue with entries, where it is reused between builds',
      [aQueue({ entries: [anEntry()] })],
      [],
    ],
  ])('deletes the scratch branch of %s only', (_, queues, expected) => {
    expect(leftovers({ 'sluice/staging/main-scratch': sha('c4') }, { queues })).toEqual(expected);
  });

  it.each(['sluice/staging/experiment', 'sluice/staging/feature/2', 'sluice/staging/main/x'])(
    'reports, but keeps, %s: under the prefix, but no staging record ever used it',
    (branch) => {
      expect(leftovers({ [branch]: sha('e1') })).toEqual([
        { severity: 'info', branch, fix: 'not-sluices' },
      ]);
    },
  );

  it('finds the place in line of a base with a slash in its name', () => {
    const queues = [aQueue({ base: 'release/2', entries: [anEntry({ base: 'release/2' })] })];
    expect(leftovers({ 'sluice/staging/release/2/1': sha('e1') }, { queues })).toEqual([
      { severity: 'warning', branch: 'sluice/staging/release/2/1', fix: 'delete-branch' },
    ]);
  });

  it('never offers to delete a base branch that happens to sit under the prefix', () => {
    const queues = [aQueue({ base: 'sluice/staging/x' })];
    expect(leftovers({ 'sluice/staging/x': sha('e1') }, { queues })).toEqual([]);
  });

  it('ignores branches outside the configured prefix', () => {
    const records = [aRecord({ state: 'landed', ref: 'sluice/staging/main' })];
    const view = aView({
      config: { ok: true, label: 'merge-queue', stagingPrefix: 'queue/', onPush: 'dequeue' },
      branches: new Map([['sluice/staging/main', sha('5c')]]),
      lastRecordByRef: new Map(records.map((r) => [r.ref, r])),
    });
    expect(compareRepo(anObservation({ view })).findings).toEqual([]);
  });
});
