import type { PullDetails } from '../github/port.js';
import type { SluiceConfig } from '../config/index.js';
import type { ObservedPull, QueueCommand, QueueEntry, QueueSnapshot } from '../queue/types.js';
import type { GateVerdictSummary } from '../queue/gate-policy.js';
import type { StagingRecord, QueueEntry as StoredEntry } from '../store/types.js';
import type { QueueKey, ReconcileDeps } from './types.js';
import { loadConfig } from './load-config.js';
import { observeStagings, rememberedFacts } from './observe-stagings.js';
import { failedTrees } from '../queue/history.js';

/** A snapshot plus the fresher facts appliers reuse instead of reading again. */
export interface Observation {
  snapshot: QueueSnapshot;
  pulls: Map<number, PullDetails>;
  /** The live staging records, in chain order (probes among them). */
  stagings: StagingRecord[];
  /** Trees whose checks failed for good, with their verdicts. */
  failedTrees: Map<string, GateVerdictSummary[]>;
}

/** The live staging record with this id, if it is still live. */
export function stagingRecord(observation: Observation, id: string): StagingRecord | undefined {
  return observation.stagings.find((r) => String(r.id) === id);
}

const dayMs = 24 * 60 * 60_000;

/**
 * Everything `decide()` needs about one queue: the store's entries, commands and stagings;
 * GitHub's pull requests, base, checks and policy (through the cache, except what an
 * irreversible step needs fresh).
 */
export async function observe(deps: ReconcileDeps, queue: QueueKey): Promise<Observation> {
  const { store, cache, github } = deps;
  const now = deps.now();
  const config = cache.config() ?? (await loadConfig(github));
  cache.rememberConfig(config);
  const stored = (await store.queue.list(queue)).filter((e) => e.state !== 'blocked');
  const entries = stored.map(toQueueEntry);
  const pendingCommands = await store.commands.listPending(queue);
  const numbers = new Set([...entries.map((e) => e.pr), ...pendingCommands.map((c) => c.number)]);
  const pulls = new Map<number, PullDetails>();
  const unknown = [...numbers].filter((number) => !cache.pull(number));
  // The PRs the cache does not hold, in one request (a cold cache means the whole queue).
  const read =
    unknown.length > 0 ? await github.readPulls(unknown) : new Map<number, PullDetails>();
  for (const details of read.values()) cache.rememberPull(details);
  for (const number of numbers) {
    const details = read.get(number) ?? cache.pull(number);
    if (details) pulls.set(number, details);
  }
  const policy = cache.policy(queue.base) ?? (await github.requiredPolicy(queue.base));
  cache.rememberPolicy(queue.base, policy);
  const settings: SluiceConfig | undefined = config.ok ? config.config : undefined;
  const requiredApprovals = Math.max(policy.approvals, settings?.queue.requiredApprovals ?? 0);
  const observedPulls = await withReviews(deps, [...pulls.values()], requiredApprovals);
  const requiredChecks = [...new Set([...policy.checks, ...(settings?.checks.required ?? [])])];
  const observed = await observeStagings(deps, queue, entries);
  const verdicts = (
    await Promise.all(observed.records.map((r) => store.verdicts.listForStaging(r.id)))
  ).flat();
  const front = observed.stagings.find((s) => !s.probe);
  const snapshot: QueueSnapshot = {
    repo: { owner: github.owner, repo: github.repo },
    baseBranch: queue.base,
    baseSha: await baseTip(deps, queue, {
      needed: entries.length > 0 || pendingCommands.length > 0 || observed.records.length > 0,
      fallback: front?.baseSha,
      landed: new Set(observed.stagings.filter((s) => !s.probe).map((s) => s.sha)),
    }),
    config: config.ok ? { ok: true, config: config.config } : { ok: false, errors: config.errors },
    paused: await queuePause(deps, queue, settings),
    pulls: observedPulls,
    entries,
    commands: await withPermissions(deps, pendingCommands),
    stagings: observed.stagings,
    requiredChecks,
    requiredApprovals,
    verdicts: Object.fromEntries(
      verdicts.map((v) => [v.checkRunId, v.verdict as unknown as GateVerdictSummary]),
    ),
    retryUsage: await retryUsage(deps, queue, observed.records, now),
    rerunCheckRunIds: verdicts.filter((v) => v.rerunAt !== null).map((v) => v.checkRunId),
    failureStreaks: await failureStreaks(deps, queue, [...numbers]),
    ...rememberedFacts(entries, observed),
    now,
  };
  return {
    snapshot,
    pulls,
    stagings: observed.records,
    failedTrees: failedTrees(observed.history),
  };
}

/** Re-runs spent by the entries under test, and by the repository over the last day. */
async function retryUsage(
  deps: ReconcileDeps,
  queue: QueueKey,
  records: readonly StagingRecord[],
  now: Date,
): Promise<QueueSnapshot['retryUsage']> {
  const byEntry: Record<string, number> = {};
  let byRepoToday = 0;
  for (const member of records.flatMap((r) => r.prs)) {
    const usage = await deps.store.attempts.retryBudgetUsage({
      entryId: member.entryId,
      repo: queue.repo,
      since: new Date(now.getTime() - dayMs),
    });
    byEntry[String(member.entryId)] = usage.entryReruns;
    byRepoToday = usage.repoRerunsSince;
  }
  return { byEntry, byRepoToday };
}

/**
 * The base tip, from the cache (fed by every PR read and by our own landings, invalidated by
 * pushes to the base) or read; an empty queue decides nothing, so it does not pay for a read.
 */
async function baseTip(
  deps: ReconcileDeps,
  queue: QueueKey,
  options: { needed: boolean; fallback: string | undefined; landed: ReadonlySet<string> },
): Promise<string> {
  const cached = deps.cache.base(queue.base);
  // A cached tip other than the chain's base (or one of its tips, once we landed it) would
  // abandon valid stagings (and cost CI runs) if it is stale, e.g. a push webhook that went
  // to another replica: confirm it fresh.
  const agrees =
    options.fallback === undefined ||
    cached === options.fallback ||
    (cached !== undefined && options.landed.has(cached));
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
      ...(command.priority === null ? {} : { priority: command.priority }),
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
    priority: entry.priority,
    priorityLabel: entry.priorityLabel,
    state,
    consecutiveFailures: entry.consecutiveFailures,
  };
}

/**
 * Why the queue is paused, if it is: `queue.freeze` in the config first (resuming on the
 * dashboard does not lift a freeze), else an operator's pause from the dashboard: one read by
 * primary key per observation. Both are decided and told by the same core path.
 */
async function queuePause(
  deps: ReconcileDeps,
  queue: QueueKey,
  config: SluiceConfig | undefined,
): Promise<QueueSnapshot['paused']> {
  const reason = config?.queue.freeze.reason;
  if (reason) return { reason, by: { kind: 'config' } };
  const pause = await deps.store.pauses.get(queue);
  return pause ? { reason: pause.reason, by: { kind: 'operator', login: pause.pausedBy } } : null;
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
