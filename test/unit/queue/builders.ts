import { parseConfig, type SluiceConfig } from '../../../src/config/index.js';
import { decide } from '../../../src/queue/decide.js';
import type { Effect } from '../../../src/queue/effects.js';
import type { GateVerdictSummary } from '../../../src/queue/gate-policy.js';
import type {
  ObservedCheck,
  ObservedPull,
  QueueCommand,
  QueueEntry,
  QueueSnapshot,
  StagedPull,
  Staging,
} from '../../../src/queue/types.js';

export const now = new Date('2026-03-01T12:00:00Z');
export const baseSha = 'b'.repeat(40);

/** The head a PR was opened (and queued) at. */
export const headOf = (pr: number): string => `${pr}`.padStart(40, 'a');

/** The squash commit of `pr` in staging `stagingId`: unique per staging and PR. */
export const commitOf = (stagingId: string, pr: number): string => `${stagingId}/#${pr}`;

/**
 * A config from YAML, or from an object (JSON is YAML), e.g.
 * `aConfig({ queue: { parallel: 3, batch: { maxSize: 2, adaptive: false }, probes: false } })`.
 */
export function aConfig(source: string | object = ''): SluiceConfig {
  const yaml = typeof source === 'string' ? source : JSON.stringify(source);
  const parsed = parseConfig(yaml, { path: '.github/sluice.yml' });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.config;
}

/**
 * One PR at a time, one staging at a time, no probes: the old single-staging queue, for the
 * tests whose assertion does not depend on batching or speculation.
 */
export const serialConfig = (extra: object = {}): SluiceConfig =>
  aConfig(
    deepMerge(
      { queue: { parallel: 1, batch: { maxSize: 1, adaptive: false }, probes: false } },
      extra,
    ),
  );

function deepMerge(a: object, b: object): object {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b) as [string, unknown][]) {
    const mine = out[key];
    const nested = (v: unknown): v is object =>
      typeof v === 'object' && v !== null && !Array.isArray(v);
    out[key] = nested(value) && nested(mine) ? deepMerge(mine, value) : value;
  }
  return out;
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
    headSha: headOf(number),
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
    headSha: headOf(pr),
    queuedBy: 'maintainer',
    // Before `aStaging`'s createdAt: a staging holds an entry only if built after it was queued.
    queuedAt: new Date(now.getTime() - 10 * 60_000),
    seq: pr,
    priority: 'normal',
    priorityLabel: null,
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

export interface StagingOverrides extends Partial<Omit<Staging, 'prs'>> {
  /** PR numbers (queued head, squash commit `commitOf(id, pr)`) or full staged PRs. */
  prs?: (number | StagedPull)[];
}

/**
 * A staging of PR 1 (by default) on the base, testing, no checks yet. Each PR gets its own
 * squash commit; the tip `sha` is the last one's unless given.
 */
export function aStaging(overrides: StagingOverrides = {}): Staging {
  const id = overrides.id ?? 'staging-1';
  const prs = (overrides.prs ?? [1]).map((p) =>
    typeof p === 'number' ? { pr: p, headSha: headOf(p), commitSha: commitOf(id, p) } : p,
  );
  return {
    baseSha,
    sha: prs.at(-1)!.commitSha,
    treeSha: `tree-of-${id}`,
    state: 'testing',
    probe: false,
    createdAt: new Date(now.getTime() - 5 * 60_000),
    checks: [],
    knownFailure: null,
    ...overrides,
    id,
    prs,
  };
}

/**
 * A speculative chain: staging i (`staging-${i + 1}`) holds the PRs of `batches[i]` and is
 * built on the tip of the one before it (the first on the base). `each` overrides every staging.
 */
export function aChain(
  batches: (number[] | StagingOverrides)[],
  each: StagingOverrides = {},
): Staging[] {
  const chain: Staging[] = [];
  for (const [index, batch] of batches.entries()) {
    const own = Array.isArray(batch) ? { prs: batch } : batch;
    chain.push(
      aStaging({
        id: `staging-${index + 1}`,
        baseSha: chain.at(-1)?.sha ?? baseSha,
        ...each,
        ...own,
      }),
    );
  }
  return chain;
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

export const passing = (checkRunId = 77): ObservedCheck[] => [aCheck({ checkRunId })];
export const failingCheck = (checkRunId = 77): ObservedCheck[] => [
  aCheck({ conclusion: 'failure', checkRunId }),
];
export const running = (checkRunId = 77): ObservedCheck[] => [
  aCheck({ state: 'pending', conclusion: null, checkRunId }),
];

export function aVerdict(overrides: Partial<GateVerdictSummary> = {}): GateVerdictSummary {
  return {
    check: 'test',
    url: null,
    class: 'test',
    confidence: 0.9,
    reason: 'a test failed',
    job: 'test',
    step: 'Run npm test',
    signature: 'jest/fail',
    line: 10,
    context: [],
    annotations: [],
    ...overrides,
  };
}

/** Open, labeled PRs and queued entries for these numbers, in this queue order. */
export function queued(...prs: number[]): Pick<QueueSnapshot, 'pulls' | 'entries'> {
  return {
    pulls: prs.map((number) => aPull({ number })),
    entries: prs.map((pr, index) => anEntry({ pr, seq: index + 1 })),
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
    paused: null,
    pulls: [],
    entries: [],
    commands: [],
    stagings: [],
    requiredChecks: ['test'],
    requiredApprovals: 0,
    verdicts: {},
    retryUsage: { byEntry: {}, byRepoToday: 0 },
    rerunCheckRunIds: [],
    failureStreaks: {},
    suspects: {},
    cleared: [],
    buildFailures: {},
    landFailures: {},
    recentOutcomes: [],
    now,
    ...overrides,
  };
}

export const kinds = (effects: { kind: string }[]): string[] => effects.map((e) => e.kind);

/**
 * The snapshot after these effects, as far as a table test needs: entries that left are gone,
 * stagings ended are gone, stagings told to wait are failed. Builds are not applied.
 */
export function after(snapshot: QueueSnapshot, effects: Effect[]): QueueSnapshot {
  const leaving = new Set(
    effects.flatMap((e) => (e.kind === 'dequeue' || e.kind === 'finish-merged' ? [e.entryId] : [])),
  );
  const ended = new Set(
    effects.flatMap((e) =>
      e.kind === 'abandon-staging' ||
      e.kind === 'clear-probe' ||
      (e.kind === 'fail-staging' && e.outcome === 'reject')
        ? [e.stagingId]
        : [],
    ),
  );
  const waiting = new Set(
    effects.flatMap((e) =>
      e.kind === 'fail-staging' && e.outcome === 'wait' ? [e.stagingId] : [],
    ),
  );
  return {
    ...snapshot,
    entries: snapshot.entries.filter((e) => !leaving.has(e.id)),
    stagings: snapshot.stagings
      .filter((s) => !ended.has(s.id))
      .map((s) => (waiting.has(s.id) ? { ...s, state: 'failed' as const } : s)),
  };
}

/**
 * Decides until a staging is built (or nothing more happens), applying what `after` applies in
 * between: whether the next staging is started in the same decision or the next is not what
 * these tests are about. Returns every effect, in order.
 */
export function decideUntilBuilt(snapshot: QueueSnapshot, rounds = 3): Effect[] {
  const all: Effect[] = [];
  let current = snapshot;
  for (let round = 0; round < rounds; round++) {
    const effects = decide(current);
    all.push(...effects);
    if (effects.length === 0 || effects.some((e) => e.kind === 'build-staging')) break;
    current = after(current, effects);
  }
  return all;
}
