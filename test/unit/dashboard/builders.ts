/**
 * Store records as the store returns them (its own types: what the adapter passes to
 * `buildQueueView`), and views for the renderers, with defaults so a test shows only what
 * matters to it.
 */
import type { QueueViewInput } from '../../../src/dashboard/build-queue-view.js';
import type { PageContext } from '../../../src/dashboard/html/index.js';
import type { QueueEntryView, QueueView } from '../../../src/dashboard/queue-view.js';
import type {
  EntryEvent,
  FlakeStat,
  OutboxRow,
  QueueEntry,
  QueueEvent,
  StagingRecord,
  StoredPause,
} from '../../../src/store/types.js';

export const now = new Date('2026-03-01T12:00:00Z');
export const serverUrl = 'https://github.com';
export const repo = 'acme/widgets';
export const minutes = (n: number): number => n * 60_000;
export const ago = (ms: number): Date => new Date(now.getTime() - ms);
export const headOf = (pr: number): string => `${pr}`.padStart(40, 'a');
export const shaOf = (n: number): string => `${n}`.padStart(40, 'c');

export function anEntry(overrides: Partial<QueueEntry> & { number: number }): QueueEntry {
  const { number } = overrides;
  return {
    id: number * 10,
    repo,
    base: 'main',
    sequence: number,
    priority: 'normal',
    priorityLabel: null,
    headSha: headOf(number),
    queuedBy: 'alice',
    queuedAt: ago(minutes(90)),
    state: 'queued',
    consecutiveFailures: 0,
    retryCount: 0,
    lastFailureClass: null,
    endReason: null,
    updatedAt: ago(minutes(90)),
    ...overrides,
  };
}

/** A staging of `prs` (numbers), created `age` ago. */
export function aStaging(
  id: number,
  prs: number[],
  overrides: Partial<StagingRecord> & { age?: number } = {},
): StagingRecord {
  const { age = minutes(5), ...rest } = overrides;
  return {
    id,
    repo,
    base: 'main',
    baseSha: 'b'.repeat(40),
    prs: prs.map((number) => ({
      entryId: number * 10,
      number,
      headSha: headOf(number),
      commitSha: null,
    })),
    ref: `refs/heads/sluice/staging/main/${id}`,
    position: null,
    probe: false,
    commitSha: shaOf(id),
    treeSha: null,
    state: 'testing',
    checksStartDeadline: null,
    failure: null,
    verdicts: null,
    createdAt: ago(age),
    updatedAt: ago(age),
    ...rest,
  };
}

/** An ended staging whose CI took `took`. */
export function anEndedStaging(id: number, took: number, state = 'landed' as const): StagingRecord {
  const createdAt = ago(minutes(24 * 60));
  return aStaging(id, [id], {
    state,
    createdAt,
    updatedAt: new Date(createdAt.getTime() + took),
  });
}

export function aCheckRunRow(
  number: number,
  title: string,
  overrides: Partial<OutboxRow> = {},
): OutboxRow {
  return {
    id: number,
    repo,
    base: 'main',
    number,
    headSha: headOf(number),
    kind: 'check-run',
    payload: {
      render: { title, summary: 'summary', status: 'in_progress', actions: [], annotations: [] },
      fingerprint: 'f'.repeat(32),
    },
    cause: 'queue status',
    entryId: null,
    dedupeKey: `status:${number}`,
    state: 'delivered',
    attempts: 1,
    note: null,
    createdAt: ago(minutes(12)),
    updatedAt: ago(minutes(12)),
    deliveredAt: ago(minutes(12)),
    ...overrides,
  };
}

/** An entry that ended `at` with one `merged` or `dequeued` event carrying `detail`. */
export function anEnded(
  number: number,
  end: { kind: 'merged' | 'dequeued'; at: Date; detail: EntryEvent['detail']; queuedAt?: Date },
): { entry: QueueEntry; events: EntryEvent[] } {
  const entry = anEntry({
    number,
    state: end.kind,
    queuedAt: end.queuedAt ?? new Date(end.at.getTime() - minutes(30)),
    updatedAt: end.at,
    endReason: end.kind === 'merged' ? 'merged' : 'checks-failed',
  });
  return {
    entry,
    events: [
      { entryId: entry.id, at: entry.queuedAt, kind: 'queued', detail: null },
      { entryId: entry.id, at: end.at, kind: end.kind, detail: end.detail },
    ],
  };
}

export function aQueueEvent(overrides: Partial<QueueEvent>): QueueEvent {
  return {
    id: 1,
    repo,
    base: 'main',
    at: ago(minutes(60)),
    kind: 'paused',
    actor: 'carol',
    detail: { reason: 'release freeze' },
    ...overrides,
  };
}

export function aFlake(overrides: Partial<FlakeStat>): FlakeStat {
  return {
    repo,
    job: 'test (ubuntu)',
    signature: 'jest/timeout',
    count: 1,
    lastSeenAt: ago(minutes(60)),
    lastSha: shaOf(1),
    ...overrides,
  };
}

export function aPause(overrides: Partial<StoredPause> = {}): StoredPause {
  return {
    repo,
    base: 'main',
    reason: 'incident',
    pausedBy: 'dave',
    pausedAt: ago(minutes(30)),
    ...overrides,
  };
}

export function anInput(overrides: Partial<QueueViewInput> = {}): QueueViewInput {
  return {
    queue: { repo, base: 'main' },
    now,
    configFreeze: null,
    pause: null,
    active: [],
    stagings: [],
    checkRuns: [],
    ended: [],
    queueEvents: [],
    flakes: [],
    endedStagings: [],
    serverUrl,
    ...overrides,
  };
}

export function anEntryView(
  overrides: Partial<QueueEntryView> & { number: number },
): QueueEntryView {
  return {
    entryId: overrides.number * 10,
    title: `Change ${overrides.number}`,
    position: 1,
    state: 'queued',
    priority: 'normal',
    headSha: headOf(overrides.number),
    queuedBy: 'alice',
    queuedAt: ago(minutes(90)),
    staging: null,
    waitingOn: null,
    eta: null,
    ...overrides,
  };
}

export function aQueueView(overrides: Partial<QueueView> = {}): QueueView {
  return {
    repo,
    base: 'main',
    generatedAt: now,
    paused: null,
    entries: [],
    history: [],
    flakes: [],
    days: [],
    medianStagingMinutes: null,
    ...overrides,
  };
}

export function aPage(overrides: Partial<PageContext> = {}): PageContext {
  return {
    basePath: '/sluice',
    serverUrl,
    user: { login: 'alice' },
    csrfToken: 'tok-123',
    canSteer: true,
    now,
    ...overrides,
  };
}
