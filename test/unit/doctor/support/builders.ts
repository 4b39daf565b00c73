import type {
  GitHubView,
  PullFacts,
  RepoObservation,
  StoreQueue,
} from '../../../../src/doctor/observation.js';
import type {
  JournalRow,
  QueueCommandRecord,
  QueueEntry,
  StagingRecord,
} from '../../../../src/store/types.js';

export const repo = 'acme/widgets';
export const now = new Date('2024-06-01T12:00:00Z');
export const longAgo = new Date('2024-06-01T09:00:00Z');
/** A 40-hex SHA from a short tag, readable in test tables: sha('a1') = 'a1a1a1…'. */
export const sha = (tag: string): string => tag.repeat(40).slice(0, 40);

export function anEntry(overrides: Partial<QueueEntry> = {}): QueueEntry {
  return {
    id: 1,
    repo,
    number: 12,
    base: 'main',
    sequence: 1,
    priority: 'normal',
    priorityLabel: null,
    headSha: sha('a1'),
    queuedBy: 'alice',
    queuedAt: longAgo,
    state: 'queued',
    consecutiveFailures: 0,
    retryCount: 0,
    lastFailureClass: null,
    endReason: null,
    updatedAt: longAgo,
    ...overrides,
  };
}

export function aRecord(overrides: Partial<StagingRecord> = {}): StagingRecord {
  return {
    id: 7,
    repo,
    base: 'main',
    baseSha: sha('b0'),
    prs: [{ entryId: 1, number: 12, headSha: sha('a1'), commitSha: sha('5c') }],
    ref: 'sluice/staging/main/1',
    position: 1,
    probe: false,
    verdicts: null,
    commitSha: sha('5c'),
    treeSha: sha('7e'),
    state: 'testing',
    checksStartDeadline: null,
    failure: null,
    createdAt: longAgo,
    updatedAt: longAgo,
    ...overrides,
  };
}

export function aCommand(overrides: Partial<QueueCommandRecord> = {}): QueueCommandRecord {
  return {
    id: 1,
    repo,
    base: 'main',
    number: 12,
    kind: 'queue',
    priority: null,
    requestedBy: 'alice',
    source: 'label',
    requestedAt: longAgo,
    consumedAt: null,
    ...overrides,
  };
}

export function aRow(overrides: Partial<JournalRow> = {}): JournalRow {
  return {
    id: 3,
    repo,
    kind: 'update-ref',
    target: 'refs/heads/main',
    expectedOld: sha('b0'),
    newValue: sha('5c'),
    idempotencyKey: 'land-base:7@1',
    entryId: null,
    stagingId: 7,
    status: 'unknown',
    result: null,
    createdAt: longAgo,
    finishedAt: null,
    ...overrides,
  };
}

export function aPull(overrides: Partial<PullFacts> = {}): PullFacts {
  return {
    number: 12,
    state: 'open',
    merged: false,
    headSha: sha('a1'),
    labels: ['merge-queue'],
    ...overrides,
  };
}

export function aQueue(overrides: Partial<StoreQueue> = {}): StoreQueue {
  return { base: 'main', entries: [], pendingCommands: [], inFlight: [], ...overrides };
}

/** GitHub agreeing with a store that holds nothing: valid default config, nothing labeled. */
export function aView(overrides: Partial<GitHubView> = {}): GitHubView {
  return {
    defaultBranch: 'main',
    configPath: '.github/sluice.yml',
    config: { ok: true, label: 'merge-queue', stagingPrefix: 'sluice/staging/', onPush: 'dequeue' },
    pulls: new Map(),
    labeled: new Map([['main', []]]),
    labeledBy: new Map(),
    branches: new Map([['main', sha('b0')]]),
    lastRecordByRef: new Map(),
    ...overrides,
  };
}

/** Checked against `view` (a default agreeing view) unless `github` says otherwise. */
export function anObservation(
  overrides: Partial<RepoObservation> & { view?: GitHubView } = {},
): RepoObservation {
  const { view, ...rest } = overrides;
  return {
    repo,
    now,
    queues: [],
    openRows: [],
    github: { kind: 'checked', view: view ?? aView() },
    ...rest,
  };
}

export const withoutGitHub: RepoObservation['github'] = {
  kind: 'unchecked',
  why: { kind: 'no-credentials' },
};
