import { describe, expect, it } from '@jest/globals';
import type { DoctorReport, FindingResult, RepoReport } from '../../../src/doctor/types.js';
import { renderDoctorText } from '../../../src/messages/doctor-report.js';
import { longAgo, repo, sha } from './support/builders.js';

const finding = (f: Omit<FindingResult, 'repo'>): FindingResult => ({ repo, ...f });

const widgets: RepoReport = {
  repo,
  config: { valid: true, path: '.github/sluice.yml', branch: 'main', label: 'merge-queue' },
  queues: [
    {
      base: 'main',
      entries: [
        { number: 12, state: 'testing', headSha: sha('a1'), queuedBy: 'alice', queuedAt: longAgo },
        { number: 14, state: 'queued', headSha: sha('d2'), queuedBy: 'bob', queuedAt: longAgo },
      ],
      pendingRequests: 1,
      stagings: [
        { id: 7, position: 1, probe: false, state: 'testing', prs: [12, 13], sha: sha('5c') },
        { id: 8, position: 2, probe: true, state: 'building', prs: [15], sha: null },
      ],
    },
  ],
  findings: [
    finding({
      severity: 'warning',
      problem: { kind: 'entry-pr-closed', base: 'main', number: 9, entryId: 3 },
      remedy: {
        kind: 'repair',
        repair: { kind: 'end-entry', entryId: 3, number: 9, state: 'dequeued', reason: 'closed' },
      },
      outcome: { kind: 'fixed' },
    }),
    finding({
      severity: 'warning',
      problem: {
        kind: 'entry-head-moved',
        base: 'main',
        number: 14,
        entryId: 4,
        queuedSha: sha('d2'),
        headSha: sha('e3'),
      },
      remedy: { kind: 'none', why: { kind: 'app-decides', onPush: 'dequeue' } },
    }),
    finding({
      severity: 'error',
      problem: {
        kind: 'staging-branch-missing',
        base: 'main',
        stagingId: 7,
        state: 'testing',
        branch: 'sluice/staging/main/1',
      },
      remedy: {
        kind: 'repair',
        repair: {
          kind: 'close-staging',
          stagingId: 7,
          from: 'testing',
          state: 'abandoned',
          requeue: [{ entryId: 1, number: 12 }],
        },
      },
      outcome: {
        kind: 'queue-busy',
        holder: 'sluice-4242-ab12cd34',
        until: new Date('2024-06-01T12:02:00Z'),
      },
    }),
    finding({
      severity: 'info',
      problem: {
        kind: 'staging-chain-broken',
        base: 'main',
        stagingId: 9,
        position: 3,
        state: 'passed',
        builtOn: sha('d4'),
        expected: sha('5c'),
        aheadId: 7,
        behind: [10],
      },
      remedy: { kind: 'none', why: { kind: 'app-abandons' } },
    }),
    finding({
      severity: 'info',
      problem: {
        kind: 'orphan-staging-branch',
        branch: 'sluice/staging/main-scratch',
        sha: sha('c4'),
        origin: { kind: 'scratch', base: 'main' },
      },
      remedy: {
        kind: 'repair',
        repair: { kind: 'delete-branch', branch: 'sluice/staging/main-scratch', sha: sha('c4') },
      },
      outcome: { kind: 'already-changed' },
    }),
    finding({
      severity: 'warning',
      problem: {
        kind: 'journal-open',
        row: { id: 3, kind: 'merge-pr', target: 'pr#9', status: 'unknown', createdAt: longAgo },
        verdict: { kind: 'failed', lookup: 'pr-not-merged', observed: sha('f0') },
      },
      remedy: {
        kind: 'repair',
        repair: { kind: 'close-journal-row', rowId: 3, status: 'failed', observed: sha('f0') },
      },
      outcome: { kind: 'failed', message: 'database is locked' },
    }),
  ],
  notes: [
    {
      kind: 'queue-held',
      base: 'main',
      holder: 'sluice-4242-ab12cd34',
      until: new Date('2024-06-01T12:02:00Z'),
    },
  ],
  flakes: [
    {
      job: 'test (ubuntu)',
      signature: 'npm/ECONNRESET',
      count: 3,
      lastSeenAt: longAgo,
      lastSha: sha('5c'),
    },
  ],
};

const broken: RepoReport = {
  repo: 'acme/gadgets',
  config: {
    valid: false,
    path: '.github/sluice.yml',
    branch: 'trunk',
    errors: [
      {
        path: 'acme/gadgets:.github/sluice.yml',
        line: 2,
        column: 10,
        keyPath: 'queue.onPush',
        kind: 'not-one-of',
        message: '`queue.onPush` is `rebase`, which is not one of `dequeue`, `retest`.',
        fix: 'Use `dequeue` or `retest`.',
      },
    ],
  },
  queues: [],
  findings: [],
  notes: [{ kind: 'label-checks-skipped' }, { kind: 'journal-in-progress', count: 2 }],
  flakes: [],
};
broken.findings.push({
  repo: 'acme/gadgets',
  severity: 'error',
  problem: {
    kind: 'config-invalid',
    path: '.github/sluice.yml',
    branch: 'trunk',
    errors: broken.config?.valid === false ? broken.config.errors : [],
  },
  remedy: { kind: 'none', why: { kind: 'edit-config' } },
});

const report = (overrides: Partial<DoctorReport>): DoctorReport => ({
  store: 'SQLite file /srv/sluice/sluice.db',
  github: { kind: 'checked', url: 'https://api.github.com', app: 'sluice' },
  fix: true,
  repos: [widgets, broken],
  ...overrides,
});

describe('doctor: the report a person reads', () => {
  it('groups findings by repository, each with its fix and how the fix went', () => {
    expect(renderDoctorText(report({}))).toMatchInlineSnapshot(`
     "Store: SQLite file /srv/sluice/sluice.db
     GitHub https://api.github.com as sluice

     acme/widgets
       config   .github/sluice.yml on main: valid (queue label \`merge-queue\`)
       queue    main: 2 entries, 1 request waiting, 2 stagings in flight (1 in the chain, 1 probe)
                #12 testing at a1a1a1a, queued by alice on 2024-06-01 09:00 UTC
                #14 queued at d2d2d2d, queued by bob on 2024-06-01 09:00 UTC
                staging #7, position 1: #12, #13, testing at 5c5c5c5
                probe #8, position 2: #15, building
       warning  #9 is in the main queue, but the pull request is closed.
                fix: end the entry as dequeued (closed) → fixed
       warning  #14 was queued in main at d2d2d2d, but its head is now e3e3e3e.
                no fix: the app takes it out of the queue at its next reconcile (queue.onPush: dequeue).
       error    Staging #7 (main) is testing, but its branch sluice/staging/main/1 is gone.
                fix: mark staging #7 abandoned, and put #12 back in line to be rebuilt → not fixed: sluice-4242-ab12cd34 holds the queue until 2024-06-01 12:02 UTC; run doctor again then
       info     Staging #9 (main, position 3, passed) is built on d4d4d4d, but the staging ahead of it, #7, ends at 5c5c5c5. The staging behind it (#10) goes with it.
                no fix: the app abandons a broken link of the chain, and the stagings behind it, at its next reconcile of the queue, and builds their PRs again.
       info     sluice/staging/main-scratch (at c4c4c4c) is a scratch branch left from the last build for main.
                fix: delete sluice/staging/main-scratch (at c4c4c4c) → nothing to do: it changed since doctor looked
       warning  Journal row 3 (merge-pr pr#9) has been unknown since 2024-06-01 09:00 UTC: the pull request is not merged, so the merge never happened.
                fix: close the row as failed → failed: database is locked
       note     The main queue is being reconciled by sluice-4242-ab12cd34 (until 2024-06-01 12:02 UTC), so nothing was fixed here.
       flakes   passed on a re-run, most frequent first:
                3× test (ubuntu): npm/ECONNRESET, last 2024-06-01 09:00 UTC at 5c5c5c5

     acme/gadgets
       config   .github/sluice.yml on trunk: invalid
       queue    nothing queued
       error    .github/sluice.yml on trunk is invalid (1 problem): Sluice merges nothing in this repository until it is fixed.
                acme/gadgets:.github/sluice.yml:2:10: \`queue.onPush\` is \`rebase\`, which is not one of \`dequeue\`, \`retest\`.
                  Fix: Use \`dequeue\` or \`retest\`.
                no fix: fix the file on the default branch; Sluice reads its config only from there.
       note     Labels and staging branches not checked: they need a valid config.
       note     2 journal rows opened in the last 10 minutes: in progress, not judged.

     2 repositories: 2 errors, 3 warnings, 2 for information. Fixed 1 of 4.
     "
    `);
  });

  it('says what --fix would repair when it was not asked to', () => {
    const plain = {
      ...widgets,
      findings: widgets.findings.map(({ outcome: _, ...f }) => f),
      notes: [],
      flakes: [],
    };
    const text = renderDoctorText(report({ fix: false, repos: [plain] }));
    expect(text.split('\n').slice(-2)).toMatchInlineSnapshot(`
     [
       "1 repository: 1 error, 3 warnings, 2 for information. \`sluice doctor --fix\` repairs 4 of them.",
       "",
     ]
    `);
  });

  it('says it is healthy, and when GitHub was not looked at', () => {
    const quiet = { ...broken, repo: 'acme/quiet', config: undefined, findings: [], notes: [] };
    const text = renderDoctorText(
      report({ github: { kind: 'unchecked', why: 'no-credentials' }, repos: [quiet] }),
    );
    expect(text).toMatchInlineSnapshot(`
     "Store: SQLite file /srv/sluice/sluice.db
     GitHub not checked: APP_ID and PRIVATE_KEY (or PRIVATE_KEY_PATH) are not set, so only what the store shows is reported.

     acme/quiet
       queue    nothing queued

     Nothing wrong in what the store shows (1 repository); GitHub was not checked.
     "
    `);
  });
});
