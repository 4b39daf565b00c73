import { describe, expect, it } from '@jest/globals';
import { compareRepo } from '../../../src/doctor/compare-repo.js';
import type { PullFacts } from '../../../src/doctor/observation.js';
import { parseJournalTarget } from '../../../src/doctor/parse-journal-target.js';
import { resolveJournalRow } from '../../../src/doctor/resolve-journal-row.js';
import type { JournalRow } from '../../../src/store/types.js';
import {
  anObservation,
  aPull,
  aRow,
  aView,
  now,
  repo,
  sha,
  withoutGitHub,
} from './support/builders.js';

function resolve(
  row: JournalRow,
  github: { branches?: [string, string | null][]; pulls?: [number, PullFacts | null][] },
) {
  const looked = { branches: new Map(github.branches), pulls: new Map(github.pulls) };
  const verdict = resolveJournalRow(row, parseJournalTarget(row, repo), looked);
  return `${verdict.kind}: ${verdict.lookup}`;
}

const landBase = aRow({ target: 'refs/heads/main', expectedOld: sha('b0'), newValue: sha('5c') });
const pushStaging = aRow({ target: 'refs/heads/sluice/staging/main', expectedOld: null });
const moveHead = aRow({ target: 'acme/widgets:refs/heads/feature/x', expectedOld: sha('a1') });
const deleteRef = aRow({ kind: 'delete-ref', target: 'refs/heads/old', newValue: null });
const merge = aRow({
  kind: 'merge-pr',
  target: 'pr#12',
  expectedOld: sha('a1'),
  newValue: sha('7e'),
});
const addLabel = aRow({ kind: 'add-label', target: 'label:sluice:fmt@pr#12' });
const removeLabel = aRow({ kind: 'remove-label', target: 'label:merge-queue@pr#12' });

describe('doctor: open journal rows settled by looking at GitHub', () => {
  it.each<[string, JournalRow, Parameters<typeof resolve>[1], string]>([
    [
      'a ref at the new value was written',
      landBase,
      { branches: [['main', sha('5c')]] },
      'done: ref-at-new-value',
    ],
    [
      'a ref still at the old value was not',
      landBase,
      { branches: [['main', sha('b0')]] },
      'failed: ref-at-old-value',
    ],
    [
      'a ref that moved on cannot tell',
      landBase,
      { branches: [['main', sha('99')]] },
      'undetermined: ref-moved-on',
    ],
    [
      'a forced push now gone cannot tell',
      pushStaging,
      { branches: [['sluice/staging/main', null]] },
      'undetermined: ref-gone',
    ],
    [
      'a PR head in this repository is looked at',
      moveHead,
      { branches: [['feature/x', sha('5c')]] },
      'done: ref-at-new-value',
    ],
    [
      'a deleted ref that is gone was deleted',
      deleteRef,
      { branches: [['old', null]] },
      'done: ref-gone',
    ],
    [
      'a merged PR was merged',
      merge,
      { pulls: [[12, aPull({ merged: true, state: 'closed' })]] },
      'done: pr-merged',
    ],
    [
      'an unmerged PR was not: GitHub merges atomically',
      merge,
      { pulls: [[12, aPull()]] },
      'failed: pr-not-merged',
    ],
    ['a PR GitHub lost cannot tell', merge, { pulls: [[12, null]] }, 'undetermined: pr-missing'],
    [
      'an added label that is there was added',
      addLabel,
      { pulls: [[12, aPull({ labels: ['sluice:fmt'] })]] },
      'done: label-present',
    ],
    [
      'an added label that is not there may have been removed since',
      addLabel,
      { pulls: [[12, aPull({ labels: [] })]] },
      'undetermined: label-absent',
    ],
    [
      'a removed label that is gone was removed',
      removeLabel,
      { pulls: [[12, aPull({ labels: [] })]] },
      'done: label-absent',
    ],
    [
      'a fork head is not read',
      aRow({ target: 'someone/fork:refs/heads/x' }),
      {},
      'undetermined: other-repository',
    ],
    [
      'a comment leaves no trace to match',
      aRow({ kind: 'create-comment', target: 'pr#12' }),
      {},
      'undetermined: no-trace',
    ],
  ])('%s', (_, row, github, expected) => {
    expect(resolve(row, github)).toBe(expected);
  });

  it('closes settled rows with what it saw, and leaves the rest open', () => {
    const openRows = [landBase, aRow({ id: 4, kind: 'create-check-run', target: 'pr#12' })];
    const view = aView({ branches: new Map([['main', sha('5c')]]) });
    const findings = compareRepo(anObservation({ openRows, view })).findings;
    expect(findings.map((f) => [f.severity, f.remedy])).toEqual([
      [
        'warning',
        {
          kind: 'repair',
          repair: { kind: 'close-journal-row', rowId: 3, status: 'done', observed: sha('5c') },
        },
      ],
      ['info', { kind: 'none', why: { kind: 'cannot-tell' } }],
    ]);
  });

  it('leaves rows of the last ten minutes to the call that may still be under way', () => {
    const young = aRow({ createdAt: new Date(now.getTime() - 60_000) });
    const { findings, notes } = compareRepo(anObservation({ openRows: [young] }));
    expect(findings).toEqual([]);
    expect(notes).toEqual([{ kind: 'journal-in-progress', count: 1 }]);
  });

  it('without GitHub, reports open rows as needing it', () => {
    const findings = compareRepo(
      anObservation({ openRows: [merge], github: withoutGitHub }),
    ).findings;
    expect(findings.map((f) => [f.severity, f.remedy])).toEqual([
      ['warning', { kind: 'none', why: { kind: 'github-needed' } }],
    ]);
  });
});
