import { describe, expect, it } from '@jest/globals';
import { compareRepo } from '../../../src/doctor/compare-repo.js';
import type { PullFacts } from '../../../src/doctor/observation.js';
import type { Finding } from '../../../src/doctor/types.js';
import {
  aCommand,
  anEntry,
  anObservation,
  aPull,
  aQueue,
  aRecord,
  aView,
  sha,
} from './support/builders.js';

/** One queued entry (#12 at a1a1…) against what GitHub says about its PR. */
function judge(pull: PullFacts | null, view = aView()): Finding[] {
  const queues = [aQueue({ entries: [anEntry()] })];
  return compareRepo(anObservation({ queues, view: { ...view, pulls: new Map([[12, pull]]) } }))
    .findings;
}

const brief = (findings: Finding[]) =>
  findings.map((f) => ({
    severity: f.severity,
    kind: f.problem.kind,
    remedy: f.remedy.kind === 'repair' ? f.remedy.repair : f.remedy.why,
  }));

describe('doctor: queue entries against their pull requests', () => {
  it.each<[string, PullFacts | null, ReturnType<typeof brief>]>([
    ['an open, labeled PR at the queued head is fine', aPull(), []],
    [
      'a PR GitHub no longer has ends its entry as closed',
      null,
      [
        {
          severity: 'warning',
          kind: 'entry-pr-missing',
          remedy: {
            kind: 'end-entry',
            entryId: 1,
            number: 12,
            state: 'dequeued',
            reason: 'closed',
          },
        },
      ],
    ],
    [
      'a closed PR ends its entry as closed',
      aPull({ state: 'closed' }),
      [
        {
          severity: 'warning',
          kind: 'entry-pr-closed',
          remedy: {
            kind: 'end-entry',
            entryId: 1,
            number: 12,
            state: 'dequeued',
            reason: 'closed',
          },
        },
      ],
    ],
    [
      'a merged PR ends its entry as merged, whoever merged it',
      aPull({ state: 'closed', merged: true, labels: [] }),
      [
        {
          severity: 'warning',
          kind: 'entry-pr-merged',
          remedy: { kind: 'end-entry', entryId: 1, number: 12, state: 'merged', reason: 'merged' },
        },
      ],
    ],
    [
      'a PR without the queue label ends its entry as unlabeled',
      aPull({ labels: ['bug'] }),
      [
        {
          severity: 'warning',
          kind: 'entry-unlabeled',
          remedy: {
            kind: 'end-entry',
            entryId: 1,
            number: 12,
            state: 'dequeued',
            reason: 'unlabeled',
          },
        },
      ],
    ],
    ['labels match case-insensitively, as on GitHub', aPull({ labels: ['Merge-Queue'] }), []],
    [
      'a moved head is left to the app, which applies queue.onPush',
      aPull({ headSha: sha('d2') }),
      [
        {
          severity: 'warning',
          kind: 'entry-head-moved',
          remedy: { kind: 'app-decides', onPush: 'dequeue' },
        },
      ],
    ],
  ])('%s', (_, pull, expected) => {
    expect(brief(judge(pull))).toEqual(expected);
  });

  it('does not mistake the head moved to the staging commit during landing for a push', () => {
    const queues = [
      aQueue({
        entries: [anEntry({ state: 'landing' })],
        inFlight: [aRecord({ state: 'landing', commitSha: sha('5c') })],
      }),
    ];
    const view = aView({
      pulls: new Map([[12, aPull({ headSha: sha('5c') })]]),
      branches: new Map([
        ['main', sha('b0')],
        ['sluice/staging/main/1', sha('5c')],
      ]),
    });
    expect(compareRepo(anObservation({ queues, view })).findings).toEqual([]);
  });

  it('skips label checks while the config is broken, since the label is unknown', () => {
    const view = aView({ config: { ok: false, errors: [] } });
    const kinds = brief(judge(aPull({ labels: [] }), view)).map((f) => f.kind);
    expect(kinds).toEqual(['config-invalid']);
  });
});

describe('doctor: labeled pull requests nobody queued', () => {
  const labeled = (
    numbers: number[],
    labeledBy: ReadonlyMap<number, string | undefined> = new Map([[5, 'alice']]),
  ) => aView({ labeled: new Map([['main', numbers]]), labeledBy });

  it('records a queue request by whoever added the label, as the app would have', () => {
    const findings = compareRepo(anObservation({ view: labeled([5]) })).findings;
    expect(brief(findings)).toEqual([
      {
        severity: 'warning',
        kind: 'labeled-not-queued',
        remedy: { kind: 'record-queue-request', base: 'main', number: 5, requestedBy: 'alice' },
      },
    ]);
  });

  it('cannot queue a PR whose label timeline names no one', () => {
    const view = labeled([5], new Map([[5, undefined]]));
    expect(brief(compareRepo(anObservation({ view })).findings)).toEqual([
      { severity: 'warning', kind: 'labeled-not-queued', remedy: { kind: 'labeler-unknown' } },
    ]);
  });

  it('is content with a PR that has an entry, or a request waiting', () => {
    const queues = [
      aQueue({
        entries: [anEntry({ number: 5 })],
        pendingCommands: [aCommand({ number: 6 })],
      }),
    ];
    const view = aView({
      ...labeled([5, 6]),
      pulls: new Map([[5, aPull({ number: 5 })]]),
    });
    expect(compareRepo(anObservation({ queues, view })).findings).toEqual([]);
  });
});
