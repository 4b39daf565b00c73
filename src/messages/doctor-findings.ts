import type { BranchOrigin, Problem } from '../doctor/types.js';
import { describeJournalVerdict } from './doctor-journal-verdict.js';
import { formatTime, plural, prList, shortSha } from './doctor-format.js';

/** One sentence per thing `sluice doctor` finds wrong. Plain text, for a terminal. */
export function describeProblem(problem: Problem): string {
  switch (problem.kind) {
    case 'entry-pr-missing':
      return `#${problem.number} is in the ${problem.base} queue, but GitHub has no such pull request.`;
    case 'entry-pr-closed':
      return `#${problem.number} is in the ${problem.base} queue, but the pull request is closed.`;
    case 'entry-pr-merged':
      return `#${problem.number} is in the ${problem.base} queue, but the pull request is merged.`;
    case 'entry-unlabeled':
      return `#${problem.number} is in the ${problem.base} queue, but no longer carries the label \`${problem.label}\`.`;
    case 'entry-head-moved':
      return `#${problem.number} was queued in ${problem.base} at ${shortSha(problem.queuedSha)}, but its head is now ${shortSha(problem.headSha)}.`;
    case 'labeled-not-queued':
      return `#${problem.number} carries the label \`${problem.label}\` but is not in the ${problem.base} queue, and no request is waiting: a webhook was lost.`;
    case 'staging-stuck-building':
      return `Staging #${problem.stagingId} (${problem.base}) has been building since ${formatTime(problem.since)}: the build never finished.`;
    case 'staging-pr-duplicated':
      return `Staging #${problem.stagingId} (${problem.base}, ${problem.state}) holds ${describeShared(problem.shared)}: a PR is tested in one staging at a time, so the newest keeps it.`;
    case 'staging-chain-broken':
      return describeBrokenLink(problem);
    case 'staging-pr-left':
      return `Staging #${problem.stagingId} (${problem.base}) is ${problem.state} with ${prList(problem.numbers)}, which ${problem.numbers.length === 1 ? 'has' : 'have'} left the queue.`;
    case 'staging-branch-missing':
      return `Staging #${problem.stagingId} (${problem.base}) is ${problem.state}, but its branch ${problem.branch} is gone.`;
    case 'staging-branch-moved':
      return `Staging #${problem.stagingId} (${problem.base}) is ${problem.state} at ${shortSha(problem.expectedSha)}, but ${problem.branch} points at ${shortSha(problem.actualSha)}.`;
    case 'orphan-staging-branch':
      return describeOrphan(problem.branch, problem.sha, problem.origin);
    case 'journal-open': {
      const { row } = problem;
      return `Journal row ${row.id} (${row.kind} ${row.target}) has been ${row.status} since ${formatTime(row.createdAt)}: ${describeJournalVerdict(problem.verdict)}`;
    }
    case 'config-invalid':
      return `${problem.path} on ${problem.branch} is invalid (${plural(problem.errors.length, 'problem')}): Sluice merges nothing in this repository until it is fixed.`;
    case 'repo-not-installed':
      return 'The app is not installed on this repository, so GitHub could not be checked.';
    case 'github-unreadable':
      return `Reading GitHub failed: ${problem.message}`;
  }
}

function describeOrphan(branch: string, sha: string, origin: BranchOrigin): string {
  switch (origin.kind) {
    case 'scratch':
      return `${branch} (at ${shortSha(sha)}) is a scratch branch left from the last build for ${origin.base}.`;
    case 'record':
      return `${branch} (at ${shortSha(sha)}) is left over from staging #${origin.stagingId} (${origin.state}); nothing in flight uses it.`;
    case 'pre-batches':
      return `${branch} (at ${shortSha(sha)}) is the ${origin.base} queue's staging branch from before batches; each staging now has its own, ${branch}/1, /2, ….`;
    case 'position':
      return `${branch} (at ${shortSha(sha)}) is the ${origin.base} queue's staging branch at position ${origin.position}, but nothing in flight uses it and no staging record did.`;
    case 'unknown':
      return `${branch} (at ${shortSha(sha)}) is under the staging prefix, but no staging record ever used it.`;
  }
}

function describeShared(shared: { number: number; stagingId: number }[]): string {
  const holders = new Set(shared.map((s) => s.stagingId));
  if (holders.size === 1)
    return `${prList(shared.map((s) => s.number))}, which staging #${shared[0]!.stagingId} holds too`;
  return shared.map((s) => `#${s.number} (also in staging #${s.stagingId})`).join(', ');
}

function describeBrokenLink(problem: Extract<Problem, { kind: 'staging-chain-broken' }>): string {
  const place = problem.position === null ? '' : `, position ${problem.position}`;
  const where =
    problem.aheadId === null
      ? `the base is at ${shortSha(problem.expected)}: it moved under the chain`
      : `the staging ahead of it, #${problem.aheadId}, ends at ${shortSha(problem.expected)}`;
  const ids = problem.behind.map((id) => `#${id}`).join(', ');
  const behind =
    problem.behind.length === 0
      ? ''
      : problem.behind.length === 1
        ? ` The staging behind it (${ids}) goes with it.`
        : ` The stagings behind it (${ids}) go with it.`;
  return `Staging #${problem.stagingId} (${problem.base}${place}, ${problem.state}) is built on ${shortSha(problem.builtOn)}, but ${where}.${behind}`;
}
