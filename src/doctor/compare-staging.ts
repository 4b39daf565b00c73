import type { StagingRecord } from '../store/types.js';
import { settleMs, type GitHubView, type StoreQueue } from './observation.js';
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

/**
 * Staging records in flight. The reconciler only ever looks at the newest one of a queue, so
 * older ones (and a `building` one that never finished) are stuck for good; a record whose
 * PRs left the queue is abandoned, as the reconciler would. With GitHub: a record under test
 * whose branch is gone or moved is abandoned (its checks may never come), so the queue
 * rebuilds it. Returns the records that stay in flight, which own their branches.
 */
export function compareStaging(input: StagingInput): {
  findings: Finding[];
  remaining: StagingRecord[];
} {
  const judged = input.queues.flatMap((queue) =>
    queue.inFlight.map((record) => ({ queue, record, verdict: judgeRecord(input, queue, record) })),
  );
  const closing = new Set(judged.filter((j) => j.verdict?.close).map((j) => j.record.id));
  const remaining = judged.map((j) => j.record).filter((record) => !closing.has(record.id));
  const findings: Finding[] = [];
  for (const { queue, record, verdict } of judged) {
    if (!verdict) continue;
    const { problem, severity, close } = verdict;
    findings.push({
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
        : { kind: 'none', why: verdict.why ?? { kind: 'cannot-tell' } },
    });
  }
  return { findings, remaining };
}

function judgeRecord(
  input: StagingInput,
  queue: StoreQueue,
  record: StagingRecord,
): Judged | undefined {
  const at = { base: queue.base, stagingId: record.id };
  const newest = queue.inFlight.at(-1)!;
  if (record !== newest) {
    const problem: Problem = {
      kind: 'staging-superseded',
      ...at,
      state: record.state,
      newerId: newest.id,
    };
    return { problem, severity: 'warning', close: 'abandoned' };
  }
  if (record.state === 'building') {
    if (input.now.getTime() - record.updatedAt.getTime() < settleMs) return undefined;
    const problem: Problem = { kind: 'staging-stuck-building', ...at, since: record.updatedAt };
    return { problem, severity: 'warning', close: 'abandoned' };
  }
  const active = new Set(queue.entries.filter((e) => !input.leaving.has(e.id)).map((e) => e.id));
  const left = record.prs.filter((p) => !active.has(p.entryId));
  if (left.length > 0) {
    const landed = input.view?.branches.get(queue.base) === record.commitSha;
    const problem: Problem = {
      kind: 'staging-pr-left',
      ...at,
      state: record.state,
      numbers: left.map((p) => p.number),
    };
    return { problem, severity: 'warning', close: landed ? 'landed' : 'abandoned' };
  }
  return input.view && judgeBranch(input.view, record, at);
}

/** Checks report on the commit, not the branch: past testing, a lost branch changes nothing. */
function judgeBranch(
  view: GitHubView,
  record: StagingRecord,
  at: { base: string; stagingId: number },
): Judged | undefined {
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
