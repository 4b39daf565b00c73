import type { StagingRecord } from '../store/types.js';
import { settleMs, type GitHubView, type StoreQueue } from './observation.js';
import { findChainBreak, landedRecords, type ChainBreak } from './staging-chain.js';
import type { Finding, NoRepair, Problem, Severity } from './types.js';

export interface StagingInput {
  repo: string;
  now: Date;
  queues: StoreQueue[];
  /** Entries this run ends (their PR is gone): a record testing them has lost its PRs. */
  leaving: ReadonlySet<number>;
  view: GitHubView | undefined;
}

interface Judged {
  problem: Problem;
  severity: Severity;
  /** The state `--fix` closes the record in; undefined when it leaves the record alone. */
  close: 'abandoned' | 'landed' | undefined;
  why?: NoRepair;
}

type At = { base: string; stagingId: number };

/**
 * Staging records in flight. A queue has several: the chain (each built on the tip of the one
 * ahead, the first on the base tip) and probes beside it. Each record is judged on its own: a
 * `building` one that never finished is stuck; one holding a PR a newer record holds too is a
 * duplicate (the newest stays); one whose PRs left the queue is closed as the reconciler
 * would; with GitHub, one under test whose branch is gone or moved is abandoned (its checks
 * may never come), so the queue rebuilds it. Then the chain left over is checked link by
 * link, as the reconciler does: the first record not built where it should be is reported,
 * not closed, since the app abandons it (and those behind it) itself. Returns the records
 * that stay in flight, which own their branches.
 */
export function compareStaging(input: StagingInput): {
  findings: Finding[];
  remaining: StagingRecord[];
} {
  const findings: Finding[] = [];
  const remaining: StagingRecord[] = [];
  for (const queue of input.queues) {
    const judged = judgeQueue(input, queue);
    findings.push(...judged.findings);
    remaining.push(...judged.remaining);
  }
  return { findings, remaining };
}

function judgeQueue(
  input: StagingInput,
  queue: StoreQueue,
): { findings: Finding[]; remaining: StagingRecord[] } {
  const baseSha = input.view?.branches.get(queue.base) ?? undefined;
  const landed = landedRecords(queue.inFlight, baseSha);
  const verdicts = new Map<number, Judged>();
  for (const record of queue.inFlight) {
    const stuck = judgeBuilding(input, queue, record);
    if (stuck) verdicts.set(record.id, stuck);
  }
  const settled = queue.inFlight.filter((r) => !verdicts.has(r.id));
  for (const [record, verdict] of judgeDuplicates(queue, settled)) verdicts.set(record.id, verdict);
  for (const record of settled) {
    if (verdicts.has(record.id) || record.state === 'building') continue;
    const verdict = judgeRecord(input, queue, record, landed.has(record.id));
    if (verdict) verdicts.set(record.id, verdict);
  }
  const remaining = queue.inFlight.filter((r) => !verdicts.get(r.id)?.close);
  const findings = queue.inFlight.flatMap((record) => {
    const verdict = verdicts.get(record.id);
    return verdict ? [toFinding(input, queue, record, verdict, remaining)] : [];
  });
  const broken = findChainBreak(
    remaining.filter((r) => !landed.has(r.id)),
    baseSha,
  );
  if (broken) findings.push(chainFinding(input.repo, queue.base, broken));
  return { findings, remaining };
}

function toFinding(
  input: StagingInput,
  queue: StoreQueue,
  record: StagingRecord,
  { problem, severity, close, why }: Judged,
  remaining: StagingRecord[],
): Finding {
  return {
    repo: input.repo,
    severity,
    problem,
    remedy: close
      ? {
          kind: 'repair',
          repair: {
            kind: 'close-staging',
            stagingId: record.id,
            from: record.state,
            state: close,
            requeue: requeued(input, queue, record, remaining),
          },
        }
      : { kind: 'none', why: why ?? { kind: 'cannot-tell' } },
  };
}

/** A build that has not moved for the settle time was cut short: nothing will finish it. */
function judgeBuilding(
  input: StagingInput,
  queue: StoreQueue,
  record: StagingRecord,
): Judged | undefined {
  if (record.state !== 'building') return undefined;
  if (input.now.getTime() - record.updatedAt.getTime() < settleMs) return undefined;
  const problem: Problem = {
    kind: 'staging-stuck-building',
    base: queue.base,
    stagingId: record.id,
    since: record.updatedAt,
  };
  return { problem, severity: 'warning', close: 'abandoned' };
}

/**
 * A PR is tested in one live staging at a time. When several hold it, every one but the
 * newest is closed: the newest is what the reconciler built last, knowing the others.
 */
function judgeDuplicates(
  queue: StoreQueue,
  records: readonly StagingRecord[],
): Map<StagingRecord, Judged> {
  const newest = new Map<number, StagingRecord>();
  for (const record of records)
    for (const { number } of record.prs) {
      const known = newest.get(number);
      if (!known || known.id < record.id) newest.set(number, record);
    }
  const judged = new Map<StagingRecord, Judged>();
  for (const record of records) {
    const shared = record.prs.flatMap(({ number }) => {
      const holder = newest.get(number)!;
      return holder === record ? [] : [{ number, stagingId: holder.id }];
    });
    if (shared.length === 0) continue;
    const problem: Problem = {
      kind: 'staging-pr-duplicated',
      base: queue.base,
      stagingId: record.id,
      state: record.state,
      shared,
    };
    judged.set(record, { problem, severity: 'warning', close: 'abandoned' });
  }
  return judged;
}

function judgeRecord(
  input: StagingInput,
  queue: StoreQueue,
  record: StagingRecord,
  landed: boolean,
): Judged | undefined {
  const at = { base: queue.base, stagingId: record.id };
  const active = new Set(queue.entries.filter((e) => !input.leaving.has(e.id)).map((e) => e.id));
  const left = record.prs.filter((p) => !active.has(p.entryId));
  if (left.length > 0) {
    const problem: Problem = {
      kind: 'staging-pr-left',
      ...at,
      state: record.state,
      numbers: left.map((p) => p.number),
    };
    return { problem, severity: 'warning', close: landed ? 'landed' : 'abandoned' };
  }
  // The base reached it: the reconciler finishes it, whatever became of its branch.
  if (landed) return undefined;
  return input.view && judgeBranch(input.view, record, at);
}

/** Checks report on the commit, not the branch: past testing, a lost branch changes nothing. */
function judgeBranch(view: GitHubView, record: StagingRecord, at: At): Judged | undefined {
  const actual = view.branches.get(record.ref);
  if (actual === undefined || record.commitSha === null || actual === record.commitSha)
    return undefined;
  const common = { ...at, state: record.state, branch: record.ref };
  const problem: Problem =
    actual === null
      ? { kind: 'staging-branch-missing', ...common }
      : {
          kind: 'staging-branch-moved',
          ...common,
          expectedSha: record.commitSha,
          actualSha: actual,
        };
  return record.state === 'testing'
    ? { problem, severity: 'error', close: 'abandoned' }
    : { problem, severity: 'warning', close: undefined, why: { kind: 'lands-by-sha' } };
}

/** What the reconciler abandons at its next pass: reported, left to it. */
function chainFinding(repo: string, base: string, broken: ChainBreak): Finding {
  const { record } = broken;
  return {
    repo,
    severity: 'info',
    problem: {
      kind: 'staging-chain-broken',
      base,
      stagingId: record.id,
      position: record.position,
      state: record.state,
      builtOn: record.baseSha,
      expected: broken.expected,
      aheadId: broken.ahead?.id ?? null,
      behind: broken.behind.map((r) => r.id),
    },
    remedy: { kind: 'none', why: { kind: 'app-abandons' } },
  };
}

/** Members the closed record held in testing/landing, unless a record staying in flight has them. */
function requeued(
  input: StagingInput,
  queue: StoreQueue,
  record: StagingRecord,
  remaining: StagingRecord[],
): { entryId: number; number: number }[] {
  return record.prs
    .filter(({ entryId: id }) => {
      const entry = queue.entries.find((e) => e.id === id);
      return (
        entry !== undefined &&
        (entry.state === 'testing' || entry.state === 'landing') &&
        !input.leaving.has(id) &&
        !remaining.some((r) => r.prs.some((p) => p.entryId === id))
      );
    })
    .map(({ entryId, number }) => ({ entryId, number }));
}
