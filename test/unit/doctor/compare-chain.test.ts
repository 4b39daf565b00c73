import { describe, expect, it } from '@jest/globals';
import { compareRepo } from '../../../src/doctor/compare-repo.js';
import type { Finding } from '../../../src/doctor/types.js';
import type { StagingRecord } from '../../../src/store/types.js';
import {
  anEntry,
  anObservation,
  aPull,
  aQueue,
  aRecord,
  aView,
  sha,
  withoutGitHub,
} from './support/builders.js';

const brief = (findings: Finding[]) =>
  findings.map((f) => ({
    severity: f.severity,
    kind: f.problem.kind,
    remedy: f.remedy.kind === 'repair' ? f.remedy.repair : f.remedy.why,
  }));

/**
 * Staging #(5+n) at position n holding #(11+n) (entry n), its one squash commit `cn`, built
 * on `on` — by default the chain's: the base `b0` for the first, `c(n-1)` after.
 */
function place(n: number, overrides: Partial<StagingRecord> = {}): StagingRecord {
  const commitSha = sha(`c${n}`);
  return aRecord({
    id: 5 + n,
    position: n,
    ref: `sluice/staging/main/${n}`,
    baseSha: n === 1 ? sha('b0') : sha(`c${n - 1}`),
    prs: [{ entryId: n, number: 11 + n, headSha: sha(`a${n}`), commitSha }],
    commitSha,
    ...overrides,
  });
}

/** The store holding `records` with their PRs testing, GitHub agreeing, the base at `base`. */
function chain(records: StagingRecord[], options: { base?: string; github?: false } = {}) {
  const members = records.flatMap((r) => r.prs);
  const queues = [
    aQueue({
      entries: members.map((p) =>
        anEntry({ id: p.entryId, number: p.number, headSha: p.headSha, state: 'testing' }),
      ),
      inFlight: records,
    }),
  ];
  const view = aView({
    pulls: new Map(members.map((p) => [p.number, aPull({ number: p.number, headSha: p.headSha })])),
    branches: new Map([
      ['main', options.base ?? sha('b0')],
      ...records.map((r): [string, string | null] => [r.ref, r.commitSha]),
    ]),
  });
  const github = options.github === false ? { github: withoutGitHub } : {};
  return compareRepo(anObservation({ queues, view, ...github })).findings;
}

describe('doctor: the chain of stagings and the probes beside it', () => {
  it('calls a chain of three, each on the tip of the one ahead, healthy', () => {
    const records = [place(1), place(2, { state: 'passed' }), place(3)];
    expect(chain(records)).toEqual([]);
    expect(chain(records, { github: false })).toEqual([]);
  });

  it('lets the chain skip a failed staging waiting for those ahead', () => {
    const records = [place(1), place(2, { state: 'failed' }), place(3, { baseSha: sha('c1') })];
    expect(chain(records)).toEqual([]);
  });

  it('calls a probe on the base tip, beside the chain, healthy, even once the base moved', () => {
    const probe = place(2, { probe: true, baseSha: sha('b0') });
    expect(chain([place(1), probe])).toEqual([]);
    expect(chain([probe], { base: sha('e1') })).toEqual([]);
  });

  it('leaves alone the stagings the base already reached: the app finishes them', () => {
    expect(chain([place(1), place(2), place(3)], { base: sha('c2') })).toEqual([]);
  });

  it('reports a chain the base moved under, for the app to abandon with all behind it', () => {
    const findings = chain([place(1), place(2), place(3)], { base: sha('e1') });
    expect(brief(findings)).toEqual([
      { severity: 'info', kind: 'staging-chain-broken', remedy: { kind: 'app-abandons' } },
    ]);
    expect(findings[0]?.problem).toEqual({
      kind: 'staging-chain-broken',
      base: 'main',
      stagingId: 6,
      position: 1,
      state: 'testing',
      builtOn: sha('b0'),
      expected: sha('e1'),
      aheadId: null,
      behind: [7, 8],
    });
  });

  it('reports a staging not built on the one ahead of it, with GitHub or without', () => {
    const records = [place(1), place(2), place(3, { baseSha: sha('d4') })];
    for (const findings of [chain(records), chain(records, { github: false })])
      expect(findings.map((f) => f.problem)).toEqual([
        expect.objectContaining({
          kind: 'staging-chain-broken',
          stagingId: 8,
          builtOn: sha('d4'),
          expected: sha('c2'),
          aheadId: 7,
          behind: [],
        }),
      ]);
  });

  it('closes every record but the newest holding the same PR', () => {
    const both = place(2, {
      prs: [
        { entryId: 1, number: 12, headSha: sha('a1'), commitSha: sha('c1') },
        { entryId: 2, number: 13, headSha: sha('a2'), commitSha: sha('c2') },
      ],
    });
    const findings = chain([place(1), both]);
    expect(brief(findings)).toEqual([
      {
        severity: 'warning',
        kind: 'staging-pr-duplicated',
        // #12 stays in the newer record, which keeps it `testing`.
        remedy: {
          kind: 'close-staging',
          stagingId: 6,
          from: 'testing',
          state: 'abandoned',
          requeue: [],
        },
      },
      // Built on the record closed, the newer one is a broken link the app then abandons.
      { severity: 'info', kind: 'staging-chain-broken', remedy: { kind: 'app-abandons' } },
      {
        severity: 'warning',
        kind: 'orphan-staging-branch',
        remedy: { kind: 'delete-branch', branch: 'sluice/staging/main/1', sha: sha('c1') },
      },
    ]);
    expect(findings[0]?.problem).toMatchObject({ shared: [{ number: 12, stagingId: 7 }] });
    expect(findings[1]?.problem).toMatchObject({ stagingId: 7, aheadId: null });
  });

  it('closes a record whose PR merged as landed when the base reached a staging on it', () => {
    const records = [place(1), place(2), place(3)];
    const queues = [
      aQueue({
        entries: [2, 3].map((n) => anEntry({ id: n, number: 11 + n, state: 'testing' })),
        inFlight: records,
      }),
    ];
    const view = aView({
      pulls: new Map([13, 14].map((n) => [n, aPull({ number: n })])),
      branches: new Map([
        ['main', sha('c2')],
        ...records.map((r): [string, string | null] => [r.ref, r.commitSha]),
      ]),
    });
    const findings = compareRepo(anObservation({ queues, view })).findings;
    expect(brief(findings)).toEqual([
      {
        severity: 'warning',
        kind: 'staging-pr-left',
        remedy: {
          kind: 'close-staging',
          stagingId: 6,
          from: 'testing',
          state: 'landed',
          requeue: [],
        },
      },
      // Its branch is nobody's any more.
      {
        severity: 'warning',
        kind: 'orphan-staging-branch',
        remedy: { kind: 'delete-branch', branch: 'sluice/staging/main/1', sha: sha('c1') },
      },
    ]);
  });
});
