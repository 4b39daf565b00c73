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
    expect(leftovers({ 'sluice/staging/main': sha('5c') }, { records })).toEqual([
      { severity: 'info', branch: 'sluice/staging/main', fix: 'delete-branch' },
    ]);
  });

  it('warns about a leftover branch at a commit its last record never had', () => {
    const records = [aRecord({ state: 'abandoned', commitSha: null })];
    expect(leftovers({ 'sluice/staging/main': sha('e9') }, { records })).toEqual([
      { severity: 'warning', branch: 'sluice/staging/main', fix: 'delete-branch' },
    ]);
  });

  it('leaves the branch of a record in flight alone', () => {
    const queues = [aQueue({ entries: [anEntry({ state: 'testing' })], inFlight: [aRecord()] })];
    expect(leftovers({ 'sluice/staging/main': sha('5c') }, { queues })).toEqual([]);
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

  it('reports, but keeps, a branch under the prefix that no staging record ever used', () => {
    expect(leftovers({ 'sluice/staging/experiment': sha('e1') })).toEqual([
      { severity: 'info', branch: 'sluice/staging/experiment', fix: 'not-sluices' },
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
