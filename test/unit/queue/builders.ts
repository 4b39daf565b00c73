import { parseConfig, type SluiceConfig } from '../../../src/config/index.js';
import type {
  ObservedCheck,
  ObservedPull,
  QueueCommand,
  QueueEntry,
  QueueSnapshot,
  Staging,
} from '../../../src/queue/types.js';

export const now = new Date('2026-03-01T12:00:00Z');
export const baseSha = 'b'.repeat(40);

export function aConfig(yaml = ''): SluiceConfig {
  const parsed = parseConfig(yaml, { path: '.github/sluice.yml' });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.config;
}

export function aPull(overrides: Partial<ObservedPull> = {}): ObservedPull {
  const number = overrides.number ?? 1;
  return {
    number,
    state: 'open',
    merged: false,
    draft: false,
    title: `feat: change ${number}`,
    body: '',
    author: 'alice',
    headSha: `${number}`.padStart(40, 'a'),
    headRef: `feature/${number}`,
    headRepo: 'acme/widgets',
    headWritable: true,
    baseRef: 'main',
    labels: ['merge-queue'],
    approvals: 0,
    changesRequested: false,
    ...overrides,
  };
}

export function anEntry(overrides: Partial<QueueEntry> = {}): QueueEntry {
  const pr = overrides.pr ?? 1;
  return {
    id: `entry-${pr}`,
    pr,
    headSha: `${pr}`.padStart(40, 'a'),
    queuedBy: 'maintainer',
    queuedAt: new Date(now.getTime() - 60_000),
    seq: pr,
    state: 'queued',
    consecutiveFailures: 0,
    ...overrides,
  };
}

export function aCommand(overrides: Partial<QueueCommand> = {}): QueueCommand {
  return {
    id: `cmd-${overrides.pr ?? 1}`,
    kind: 'queue',
    pr: 1,
    by: 'maintainer',
    permission: 'write',
    source: 'label',
    at: new Date(now.getTime() - 1000),
    ...overrides,
  };
}

export function aStaging(overrides: Partial<Staging> = {}): Staging {
  return {
    id: 'staging-1',
    baseSha,
    prs: [{ pr: 1, headSha: '1'.padStart(40, 'a') }],
    sha: 's'.repeat(40),
    treeSha: 't'.repeat(40),
    state: 'testing',
    createdAt: new Date(now.getTime() - 5 * 60_000),
    ...overrides,
  };
}

export function aCheck(overrides: Partial<ObservedCheck> = {}): ObservedCheck {
  return {
    name: 'test',
    source: 'check-run',
    state: 'completed',
    conclusion: 'success',
    url: null,
    checkRunId: 77,
    ...overrides,
  };
}

export function aSnapshot(
  overrides: Partial<QueueSnapshot> = {},
  config: SluiceConfig = aConfig(),
): QueueSnapshot {
  return {
    repo: { owner: 'acme', repo: 'widgets' },
    baseBranch: 'main',
    baseSha,
    config: { ok: true, config },
    pulls: [],
    entries: [],
    commands: [],
    staging: null,
    stagingChecks: [],
    requiredChecks: ['test'],
    requiredApprovals: 0,
    verdicts: {},
    retryBudget: { usedByEntry: 0, usedByRepoToday: 0 },
    rerunCheckRunIds: [],
    failureStreaks: {},
    lastOutcome: null,
    now,
    ...overrides,
  };
}
