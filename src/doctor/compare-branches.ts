import { endedStagingStates } from '../store/index.js';
import type { StagingRecord } from '../store/types.js';
import type { GitHubView, StoreQueue } from './observation.js';
import type { BranchOrigin, Finding, Severity } from './types.js';

export interface BranchInput {
  repo: string;
  queues: StoreQueue[];
  leaving: ReadonlySet<number>;
  /** Records that stay in flight: their branches are in use. */
  remaining: StagingRecord[];
  view: GitHubView;
}

const scratchSuffix = '-scratch';
const finished = new Set<string>(endedStagingStates);

/**
 * Branches under the staging prefix that no record in flight owns (each live record owns its
 * own, `<prefix><base>/<n>`): what a crashed run, a landing, an abandoned build or a shorter
 * chain left behind, and the one branch per queue from before batches. Deleting one is safe
 * (the next build at that place force-pushes it), so `--fix` does; a branch that is neither
 * Sluice's naming for a queue nor used by any staging record is reported and left alone, in
 * case the prefix also matches someone else's branches. A scratch branch of a busy queue is
 * in use between builds.
 */
export function compareBranches(input: BranchInput): Finding[] {
  const { view } = input;
  if (!view.config.ok) return [];
  const prefix = view.config.stagingPrefix;
  const owned = new Set(input.remaining.map((r) => r.ref));
  const bases = new Set([view.defaultBranch, ...input.queues.map((q) => q.base)]);
  const records = newestRecords(view.lastRecordByRef, input.queues);
  const findings: Finding[] = [];
  for (const [branch, sha] of view.branches) {
    if (sha === null || !branch.startsWith(prefix) || owned.has(branch) || bases.has(branch))
      continue;
    const origin = branchOrigin(branch, branch.slice(prefix.length), bases, records);
    if (origin.kind === 'scratch' && isBusy(input, origin.base)) continue;
    const problem = { kind: 'orphan-staging-branch' as const, branch, sha, origin };
    findings.push({
      repo: input.repo,
      severity: severityOf(origin, sha, records.get(branch)),
      problem,
      remedy:
        origin.kind === 'unknown'
          ? { kind: 'none', why: { kind: 'not-sluices' } }
          : { kind: 'repair', repair: { kind: 'delete-branch', branch, sha } },
    });
  }
  return findings;
}

function branchOrigin(
  branch: string,
  rest: string,
  bases: ReadonlySet<string>,
  records: ReadonlyMap<string, StagingRecord>,
): BranchOrigin {
  if (rest.endsWith(scratchSuffix)) {
    const base = rest.slice(0, -scratchSuffix.length);
    if (bases.has(base) || records.has(branch)) return { kind: 'scratch', base };
  }
  const record = records.get(branch);
  if (record) return { kind: 'record', stagingId: record.id, state: record.state };
  if (bases.has(rest)) return { kind: 'pre-batches', base: rest };
  const place = /^(.+)\/([1-9]\d*)$/.exec(rest);
  if (place && bases.has(place[1]!))
    return { kind: 'position', base: place[1]!, position: Number(place[2]) };
  return { kind: 'unknown' };
}

/** Left over where the last record finished with this very commit: the normal aftermath. */
function severityOf(
  origin: BranchOrigin,
  sha: string,
  record: StagingRecord | undefined,
): Severity {
  switch (origin.kind) {
    case 'scratch':
    case 'pre-batches':
    case 'unknown':
      return 'info';
    // Records are created before their branch is pushed: nothing explains this one.
    case 'position':
      return 'warning';
    case 'record':
      return record && finished.has(record.state) && record.commitSha === sha ? 'info' : 'warning';
  }
}

function isBusy(input: BranchInput, base: string): boolean {
  const queue = input.queues.find((q) => q.base === base);
  return (
    (queue?.entries.some((e) => !input.leaving.has(e.id)) ?? false) ||
    (queue?.pendingCommands.length ?? 0) > 0 ||
    input.remaining.some((r) => r.base === base)
  );
}

/** The newest record per ref, from the store's history and the records this run closes. */
function newestRecords(
  history: ReadonlyMap<string, StagingRecord>,
  queues: StoreQueue[],
): Map<string, StagingRecord> {
  const newest = new Map(history);
  for (const record of queues.flatMap((q) => q.inFlight)) {
    const known = newest.get(record.ref);
    if (!known || known.id < record.id) newest.set(record.ref, record);
  }
  return newest;
}
