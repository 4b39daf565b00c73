/**
 * The stagings part of an observation: the live stagings (in chain order, with the checks on
 * their tips), and what the queue remembers from the ones that ended — read from the store
 * and turned into the core's terms by the same rules the simulator uses (`queue/history.ts`).
 */
import type { GateVerdictSummary } from '../queue/gate-policy.js';
import {
  buildFailuresOf,
  clearedOf,
  failedTrees,
  recentOutcomesOf,
  suspectsOf,
  type EndedStaging,
} from '../queue/history.js';
import type {
  BuildFailure,
  BuildFailureRecord,
  ObservedCheck,
  QueueEntry,
  QueueSnapshot,
  Staging,
} from '../queue/types.js';
import { liveStagingStates, type StagingRecord } from '../store/index.js';
import type { QueueKey, ReconcileDeps } from './types.js';

/** How far back the queue's memory reaches: enough for the adaptive record and any bisection. */
const historyLimit = 300;
const weekMs = 7 * 24 * 60 * 60_000;

export interface ObservedStagings {
  records: StagingRecord[];
  stagings: Staging[];
  history: EndedStaging[];
}

/**
 * Live stagings in chain order. Reconciles of one queue never overlap (mutex and lease), so a
 * record still `building` when one starts was left by a crash mid-build: it is abandoned here
 * (its branch is force-pushed by the next build anyway), never mistaken for work in progress.
 */
export async function observeStagings(
  deps: ReconcileDeps,
  queue: QueueKey,
  entries: readonly QueueEntry[],
): Promise<ObservedStagings> {
  const live = await deps.store.staging.list({ ...queue, states: liveStagingStates });
  for (const record of live.filter((r) => r.state === 'building')) {
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
  const records = live.filter((r) => r.state !== 'building' && r.commitSha && r.treeSha);
  const oldest = Math.min(deps.now().getTime(), ...entries.map((e) => e.queuedAt.getTime()));
  const ended = await deps.store.staging.listEnded({
    ...queue,
    since: new Date(Math.max(oldest, deps.now().getTime() - weekMs) - 1),
    limit: historyLimit,
  });
  const history = ended.map(toEndedStaging);
  const trees = failedTrees(history);
  const read = await readChecks(
    deps,
    records.filter((r) => !trees.has(r.treeSha!)).map((r) => r.commitSha!),
  );
  const stagings = records.map((record) => {
    const known = trees.get(record.treeSha!) ?? null;
    return toStaging(record, read.get(record.commitSha!) ?? [], known);
  });
  return { records, stagings, history };
}

/**
 * The checks on these commits: from the cache (kept until a check webhook about a commit, or
 * a sweep, says to look again), the rest in one request.
 */
async function readChecks(
  deps: ReconcileDeps,
  shas: readonly string[],
): Promise<Map<string, ObservedCheck[]>> {
  const checks = new Map<string, ObservedCheck[]>();
  const unknown: { sha: string; version: number }[] = [];
  for (const sha of shas) {
    const cached = deps.cache.checks(sha);
    if (cached) checks.set(sha, cached);
    else unknown.push({ sha, version: deps.cache.checksVersion(sha) });
  }
  if (unknown.length === 0) return checks;
  const fresh = await deps.github.checksOnCommits(unknown.map((u) => u.sha));
  for (const { sha, version } of unknown) {
    const observed = (fresh.get(sha) ?? []).filter((c) => c.name !== deps.settings.checkName);
    deps.cache.rememberChecks(sha, observed, version);
    checks.set(sha, observed);
  }
  return checks;
}

/** What the snapshot carries from the queue's memory. */
export function rememberedFacts(
  entries: readonly QueueEntry[],
  observed: ObservedStagings,
): Pick<
  QueueSnapshot,
  'suspects' | 'cleared' | 'buildFailures' | 'landFailures' | 'recentOutcomes'
> {
  const landFailures: Record<string, string> = {};
  for (const record of observed.records) {
    const failure = record.failure as { kind?: string; reason?: string } | null;
    if (failure?.kind === 'land') landFailures[String(record.id)] = failure.reason ?? 'unknown';
  }
  return {
    suspects: suspectsOf(entries, observed.history),
    cleared: clearedOf(entries, observed.history),
    buildFailures: buildFailuresOf(entries, observed.history),
    landFailures,
    recentOutcomes: recentOutcomesOf(observed.history),
  };
}

function toStaging(
  record: StagingRecord,
  checks: ObservedCheck[],
  knownFailure: GateVerdictSummary[] | null,
): Staging {
  const state = record.state;
  return {
    id: String(record.id),
    baseSha: record.baseSha,
    prs: record.prs.map((p) => ({
      pr: p.number,
      headSha: p.headSha,
      // Older records (one PR each) never stored it: their one commit is the tip.
      commitSha: p.commitSha ?? record.commitSha!,
    })),
    sha: record.commitSha!,
    treeSha: record.treeSha!,
    state: state === 'passed' || state === 'failed' || state === 'landing' ? state : 'testing',
    probe: record.probe,
    createdAt: record.createdAt,
    checks,
    knownFailure,
  };
}

/** A stored record that ended, in the core's terms. */
export function toEndedStaging(record: StagingRecord): EndedStaging {
  return {
    id: String(record.id),
    prs: record.prs.map((p) => ({ pr: p.number, headSha: p.headSha })),
    treeSha: record.treeSha,
    probe: record.probe,
    createdAt: record.createdAt,
    end: endOf(record),
  };
}

function endOf(record: StagingRecord): EndedStaging['end'] {
  switch (record.state) {
    case 'landed':
      return { kind: 'landed' };
    case 'cleared':
      return { kind: 'cleared' };
    case 'rejected': {
      const build = buildFailureOf(record);
      if (build) return { kind: 'build-failed', build };
      const verdicts = record.verdicts as unknown as GateVerdictSummary[] | null;
      return verdicts ? { kind: 'rejected', verdicts } : { kind: 'abandoned' };
    }
    case 'abandoned':
    case 'building':
    case 'testing':
    case 'passed':
    case 'failed':
    case 'landing':
      return { kind: 'abandoned' };
  }
}

/** A record rejected before CI: one PR could not be squashed on top of the others. */
function buildFailureOf(record: StagingRecord): BuildFailureRecord | undefined {
  const failure = record.failure as {
    kind?: string;
    pr?: number;
    files?: string[];
    headSha?: string;
    carriedBy?: string | null;
    onTopOf?: number[];
  } | null;
  if (!failure) return undefined;
  // Records from before batches name no PR: theirs is the only one.
  const pr = failure.pr ?? record.prs[0]?.number;
  if (pr === undefined) return undefined;
  let build: BuildFailure;
  switch (failure.kind) {
    case 'conflict':
      build = { kind: 'conflict', files: failure.files ?? [] };
      break;
    case 'head-moved':
      build = { kind: 'head-moved', headSha: failure.headSha ?? '' };
      break;
    case 'empty':
      build = { kind: 'empty', carriedBy: failure.carriedBy ?? null };
      break;
    case undefined:
    default:
      return undefined;
  }
  return { pr, failure: build, onTopOf: failure.onTopOf ?? [] };
}
