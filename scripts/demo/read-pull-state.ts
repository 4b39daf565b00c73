import type { Scenario } from '../../test/e2e/support/scenario.js';
import { sluiceRun } from '../../test/e2e/support/pulls.js';
import { queueLabel } from './demo-repository.js';

/** Where a pull request stands, as anyone looking at it on GitHub could tell. */
export type PullState =
  | { kind: 'open' }
  | { kind: 'queued'; detail: string }
  | { kind: 'testing'; stagingSha: string; detail: string }
  | { kind: 'merged'; sha: string }
  | { kind: 'dequeued'; reason: string; files: string[]; labels: string[] };

export interface TrackedPull {
  number: number;
  title: string;
  /** The head that was queued: Sluice's check run lives there, even after landing moves it. */
  head: string;
}

// The check run title Sluice writes while a staging commit is under test (queue-testing-text.ts).
const testingTitle = /^Testing ([0-9a-f]{7,40}): (.+)$/;
// How Sluice's dequeue comment lists the conflicting files (queue-failure-text.ts).
const listedFile = /^- `([^`]+)`$/gm;

/** Reads the PR's labels, merged flag, `Sluice` check run and comments from the stand-in. */
export function readPullState(s: Scenario, pull: TrackedPull): PullState {
  const snapshot = s.repo.pull(pull.number);
  if (snapshot.merged) return { kind: 'merged', sha: snapshot.mergeCommitSha ?? 'unknown' };
  const run = sluiceRun(s, pull.head);
  const title = run?.output.title ?? '';
  if (run?.status === 'completed' && run.conclusion !== 'success') {
    return {
      kind: 'dequeued',
      reason: title,
      files: conflictingFiles(s, pull.number),
      labels: snapshot.labels.filter((label) => label.startsWith('sluice:')),
    };
  }
  if (!snapshot.labels.includes(queueLabel)) return { kind: 'open' };
  const testing = testingTitle.exec(title);
  if (testing) return { kind: 'testing', stagingSha: testing[1]!, detail: testing[2]! };
  return { kind: 'queued', detail: title };
}

function conflictingFiles(s: Scenario, number: number): string[] {
  const last = s.repo.comments(number).at(-1)?.body ?? '';
  if (!/conflicts with/.test(last)) return [];
  return [...last.matchAll(listedFile)].map((match) => match[1]!);
}

/** True once the queue is done with the pull request. */
export function isSettled(state: PullState): boolean {
  switch (state.kind) {
    case 'merged':
    case 'dequeued':
      return true;
    case 'open':
    case 'queued':
    case 'testing':
      return false;
  }
}
