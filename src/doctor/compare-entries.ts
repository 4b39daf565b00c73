import type { QueueEntry } from '../store/types.js';
import type { GitHubView, PullFacts, StoreQueue } from './observation.js';
import type { Finding, Problem, Remedy } from './types.js';

/**
 * Active entries against their PRs: a PR that is gone, merged, closed or unlabeled has left
 * the queue, and ending its entry is safe (the reconciler would do the same, with comments).
 * A moved head is the reconciler's decision (dequeue or re-test, per `queue.onPush`).
 */
export function compareEntries(repo: string, queues: StoreQueue[], view: GitHubView): Finding[] {
  const findings: Finding[] = [];
  for (const queue of queues) {
    for (const entry of queue.entries) {
      const pull = view.pulls.get(entry.number);
      if (pull === undefined) continue;
      const found = judgeEntry(queue, entry, pull, view);
      if (found) findings.push({ repo, severity: 'warning', ...found });
    }
  }
  return findings;
}

function judgeEntry(
  queue: StoreQueue,
  entry: QueueEntry,
  pull: PullFacts | null,
  view: GitHubView,
): { problem: Problem; remedy: Remedy } | undefined {
  const at = { base: queue.base, number: entry.number, entryId: entry.id };
  const end = (
    state: 'merged' | 'dequeued',
    reason: 'merged' | 'closed' | 'unlabeled',
  ): Remedy => ({
    kind: 'repair',
    repair: { kind: 'end-entry', entryId: entry.id, number: entry.number, state, reason },
  });
  if (pull === null)
    return { problem: { kind: 'entry-pr-missing', ...at }, remedy: end('dequeued', 'closed') };
  if (pull.merged)
    return { problem: { kind: 'entry-pr-merged', ...at }, remedy: end('merged', 'merged') };
  if (pull.state === 'closed')
    return { problem: { kind: 'entry-pr-closed', ...at }, remedy: end('dequeued', 'closed') };
  const { config } = view;
  if (config.ok && !hasLabel(pull, config.label))
    return {
      problem: { kind: 'entry-unlabeled', ...at, label: config.label },
      remedy: end('dequeued', 'unlabeled'),
    };
  if (pull.headSha === entry.headSha || isBeingLanded(queue, entry, pull.headSha)) return undefined;
  return {
    problem: { kind: 'entry-head-moved', ...at, queuedSha: entry.headSha, headSha: pull.headSha },
    remedy: {
      kind: 'none',
      why: { kind: 'app-decides', onPush: config.ok ? config.onPush : undefined },
    },
  };
}

/** Fast-forward landing moves the PR head to the staging commit first: that push is Sluice's own. */
function isBeingLanded(queue: StoreQueue, entry: QueueEntry, headSha: string): boolean {
  return queue.inFlight.some(
    (record) => record.commitSha === headSha && record.prs.some((p) => p.entryId === entry.id),
  );
}

export function hasLabel(pull: PullFacts, label: string): boolean {
  return pull.labels.some((l) => l.toLowerCase() === label.toLowerCase());
}

/**
 * Labeled open PRs with no active entry (in any queue) and no request waiting on their base:
 * the `labeled` webhook never arrived. The app's discovery sweep finds these too, slowly.
 */
export function findUnqueuedLabeled(
  queues: StoreQueue[],
  labeled: ReadonlyMap<string, number[]>,
): { base: string; number: number }[] {
  const active = new Set(queues.flatMap((q) => q.entries.map((e) => e.number)));
  const found: { base: string; number: number }[] = [];
  for (const [base, numbers] of labeled) {
    const pending = new Set(
      queues.filter((q) => q.base === base).flatMap((q) => q.pendingCommands.map((c) => c.number)),
    );
    for (const number of numbers)
      if (!active.has(number) && !pending.has(number)) found.push({ base, number });
  }
  return found;
}

export function compareLabeled(repo: string, queues: StoreQueue[], view: GitHubView): Finding[] {
  if (!view.config.ok) return [];
  const label = view.config.label;
  return findUnqueuedLabeled(queues, view.labeled).map(({ base, number }) => {
    const by = view.labeledBy.get(number);
    return {
      repo,
      severity: 'warning',
      problem: { kind: 'labeled-not-queued', base, number, label },
      remedy:
        by === undefined
          ? { kind: 'none', why: { kind: 'labeler-unknown' } }
          : {
              kind: 'repair',
              repair: { kind: 'record-queue-request', base, number, requestedBy: by },
            },
    };
  });
}
