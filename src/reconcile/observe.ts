import type { PullDetails } from '../github/port.js';
import type { SluiceConfig } from '../config/index.js';
import type {
  ObservedCheck,
  ObservedPull,
  QueueCommand,
  QueueEntry,
  QueueSnapshot,
  Staging,
  LastOutcome,
} from '../queue/types.js';
import type { GateVerdictSummary } from '../queue/gate-policy.js';
import type { StagingRecord, QueueEntry as StoredEntry } from '../store/types.js';
import type { QueueKey, ReconcileDeps } from './types.js';
import { loadConfig } from './load-config.js';

/** A snapshot plus the fresher facts appliers reuse instead of reading again. */
export interface Observation {
  snapshot: QueueSnapshot;
  pulls: Map<number, PullDetails>;
  staging: StagingRecord | null;
}

const dayMs = 24 * 60 * 60_000;
export const inFlightStates = ['building', 'testing', 'passed', 'landing'] as const;

/**
 * Everything `decide()` needs about one queue: the store's entries, commands and staging
 * record; GitHub's pull requests, base, checks and policy (through the cache, except what an
 * irreversible step needs fresh).
 */
export interface ObserveOptions {
  /** Checks already known for a commit (a staging commit pushed moments ago has none yet). */
  knownChecks?: Map<string, ObservedCheck[]>;
}

export async function observe(
  deps: ReconcileDeps,
  queue: QueueKey,
  options: ObserveOptions = {},
): Promise<Observation> {
  const { store, cache, github } = deps;
  const now = deps.now();
  const config = cache.config() ?? (await loadConfig(github));
  cache.rememberConfig(config);
  const entries = (await store.queue.list(queue)).filter((e) => e.state !== 'blocked');
  const pendingCommands = await store.commands.listPending(queue);
  const numbers = new Set([
    ...entries.map((e) => e.number),
    ...pendingCommands.map((c) => c.number),
  ]);
  const pulls = new Map<number, PullDetails>();
  for (const number of numbers) {
    let details = cache.pull(number);
    if (!details) {
      details = await github.getPull(number);
      if (details) cache.rememberPull(details);
    }
    if (details) pulls.set(number, details);
  }
  const stagingRecord = await inFlightStaging(deps, queue);
  const policy = cache.policy(queue.base) ?? (await github.requiredPolicy(queue.base));
  cache.rememberPolicy(queue.base, policy);
  const settings: SluiceConfig | undefined = config.ok ? config.config : undefined;
  const requiredApprovals = Math.max(policy.approvals, settings?.queue.requiredApprovals ?? 0);
  const observedPulls = await withReviews(deps, [...pulls.values()], requiredApprovals);
  const staging = toStaging(stagingRecord);
  const requiredChecks = [...new Set([...policy.checks, ...(settings?.checks.required ?? [])])];
  const known = staging ? options.knownChecks?.get(staging.sha) : undefined;
  const checks = staging ? (known ?? (await github.checksOn(staging.sha, requiredChecks))) : [];
  // One reconcile reads a staging commit's checks once; the next trigger reads them afresh.
  if (staging && !known) options.knownChecks?.set(staging.sha, checks);
  const stagingChecks = checks.filter((c) => c.name !== deps.settings.checkName);
  const verdicts = stagingRecord ? await store.verdicts.listForStaging(stagingRecord.id) : [];
  const firstEntry = stagingRecord?.prs[0]?.entryId;
  const budget =
    firstEntry === undefined
      ? { entryReruns: 0, repoRerunsSince: 0 }
      : await store.attempts.retryBudgetUsage({
          entryId: firstEntry,
          repo: queue.repo,
          since: new Date(now.getTime() - dayMs),
        });
  const snapshot: QueueSnapshot = {
    repo: { owner: github.owner, repo: github.repo },
    baseBranch: queue.base,
    baseSha: await baseTip(deps, queue, {
      needed: entries.length > 0 || pendingCommands.length > 0 || stagingRecord !== null,
      fallback: stagingRecord?.baseSha,
      landed: stagingRecord?.commitSha ?? undefined,
    }),
    config: config.ok ? { ok: true, config: config.config } : { ok: false, errors: config.errors },
    pulls: observedPulls,
    entries: entries.map(toQueueEntry),
    commands: await withPermissions(deps, pendingCommands),
    staging,
    stagingChecks,
    requiredChecks,
    requiredApprovals,
    verdicts: Object.fromEntries(
      verdicts.map((v) => [v.checkRunId, v.verdict as unknown as GateVerdictSummary]),
    ),
    retryBudget: { usedByEntry: budget.entryReruns, usedByRepoToday: budget.repoRerunsSince },
    rerunCheckRunIds: verdicts.filter((v) => v.rerunAt !== null).map((v) => v.checkRunId),
    failureStreaks: await failureStreaks(deps, queue, [...numbers]),
    lastOutcome: await lastOutcome(deps, queue, stagingRecord, entries),
    now,
  };
  return { snapshot, pulls, staging: stagingRecord };
}

/**
 * The base tip, from the cache (fed by every PR read and by our own landings, invalidated by
 * pushes to the base) or read; an empty queue decides nothing, so it does not pay for a read.
 */
async function baseTip(
  deps: ReconcileDeps,
  queue: QueueKey,
  options: { needed: boolean; fallback: string | undefined; landed: string | undefined },
): Promise<string> {
  const cached = deps.cache.base(queue.base);
  // A cached tip other than the staging's base (or its own commit, once we landed it) would
  // abandon a valid staging (and cost a CI run) if it is stale, e.g. a push webhook that went
  // to another replica: confirm it fresh.
  const agrees =
    options.fallback === undefined || cached === options.fallback || cached === options.landed;
  if (cached && agrees) return cached;
  if (!options.needed) return options.fallback ?? '';
  const sha = await deps.github.branchSha(queue.base);
  if (sha) deps.cache.rememberBase(queue.base, sha);
  return sha ?? '';
}

async function withReviews(
  deps: ReconcileDeps,
  pulls: PullDetails[],
  requiredApprovals: number,
): Promise<ObservedPull[]> {
  if (requiredApprovals === 0) return pulls.map((p) => p.pull);
  return Promise.all(
    pulls.map(async ({ pull }) => ({
      ...pull,
      ...(await deps.github.reviewState(pull.number, pull.headSha)),
    })),
  );
}

async function withPermissions(
  deps: ReconcileDeps,
  commands: Awaited<ReturnType<ReconcileDeps['store']['commands']['listPending']>>,
): Promise<QueueCommand[]> {
  const out: QueueCommand[] = [];
  for (const command of commands) {
    const permission =
      deps.cache.permission(command.requestedBy) ??
      (await deps.github.permissionOf(command.requestedBy));
    deps.cache.rememberPermission(command.requestedBy, permission);
    out.push({
      id: String(command.id),
      kind: command.kind,
      pr: command.number,
      by: command.requestedBy,
      permission,
      source: command.source,
      at: command.requestedAt,
    });
  }
  return out;
}

function toQueueEntry(entry: StoredEntry): QueueEntry {
  const state = entry.state === 'blocked' ? 'queued' : entry.state;
  return {
    id: String(entry.id),
    pr: entry.number,
    headSha: entry.headSha,
    queuedBy: entry.queuedBy,
    queuedAt: entry.queuedAt,
    seq: entry.sequence,
    state,
    consecutiveFailures: entry.consecutiveFailures,
  };
}

/** Records still `building` have no commit yet: recovery deals with them, decide never sees them. */
function toStaging(record: StagingRecord | null): Staging | null {
  if (
    !record ||
    record.commitSha === null ||
    record.treeSha === null ||
    record.state === 'building'
  )
    return null;
  return {
    id: String(record.id),
    baseSha: record.baseSha,
    prs: record.prs.map((p) => ({ pr: p.number, headSha: p.headSha })),
    sha: record.commitSha,
    treeSha: record.treeSha,
    state:
      record.state === 'passed' ? 'passed' : record.state === 'landing' ? 'landing' : 'testing',
    createdAt: record.createdAt,
  };
}

async function failureStreaks(
  deps: ReconcileDeps,
  queue: QueueKey,
  numbers: number[],
): Promise<QueueSnapshot['failureStreaks']> {
  const streaks: QueueSnapshot['failureStreaks'] = {};
  for (const number of numbers) {
    const history = await deps.store.queue.listForPullRequest({ repo: queue.repo, number });
    const last = history.filter((e) => e.state === 'dequeued').at(-1);
    if (last && last.consecutiveFailures > 0)
      streaks[number] = { headSha: last.headSha, count: last.consecutiveFailures };
  }
  return streaks;
}

/** Why the last staging for a still-queued PR could not be built, or why the active one could not land. */
async function lastOutcome(
  deps: ReconcileDeps,
  queue: QueueKey,
  active: StagingRecord | null,
  entries: StoredEntry[],
): Promise<LastOutcome | null> {
  const failure = active?.failure as { kind?: string; reason?: string } | null | undefined;
  if (active && failure?.kind === 'land')
    return {
      kind: 'land-failed',
      stagingId: String(active.id),
      reason: failure.reason ?? 'unknown',
    };
  const failed = (await deps.store.staging.list({ ...queue, states: ['failed'] })).at(-1);
  const entryIds = new Set(entries.map((e) => e.id));
  const member = failed?.prs.find((p) => entryIds.has(p.entryId));
  const detail = failed?.failure as
    { kind?: string; files?: string[]; headSha?: string } | null | undefined;
  if (!failed || !member || !detail) return null;
  if (detail.kind === 'conflict')
    return {
      kind: 'build-failed',
      pr: member.number,
      failure: { kind: 'conflict', files: detail.files ?? [] },
    };
  if (detail.kind === 'head-moved')
    return {
      kind: 'build-failed',
      pr: member.number,
      failure: { kind: 'head-moved', headSha: detail.headSha ?? '' },
    };
  return null;
}

/**
 * The staging record in flight. Reconciles of one queue never overlap (mutex and lease), so a
 * record still `building` when one starts was left by a crash mid-build: it is abandoned here
 * (its branch is force-pushed by the next build anyway), never mistaken for work in progress.
 */
async function inFlightStaging(
  deps: ReconcileDeps,
  queue: QueueKey,
): Promise<StagingRecord | null> {
  const records = await deps.store.staging.list({ ...queue, states: [...inFlightStates] });
  for (const record of records.filter((r) => r.state === 'building')) {
    await deps.store.staging.update({
      id: record.id,
      now: deps.now(),
      changes: { state: 'abandoned' },
    });
    deps.log.warn(
      { ...queue, staging: record.id },
      'abandoned a staging record left half-built by a crash',
    );
  }
  return records.filter((r) => r.state !== 'building').at(-1) ?? null;
}
