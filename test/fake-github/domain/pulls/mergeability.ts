import type { Account, MergeableState, RepoState } from '../../world/types.js';
import type { Services } from '../../world/services.js';
import type { PullIssue } from '../../render/pull-request.js';
import { latestSignals, requiredChecksFor } from '../required-checks.js';
import { findBlockers } from './merge-blockers.js';
import { githubCommitter } from './github-identity.js';
import { writePullRef } from './pull-refs.js';

/**
 * A base or head change makes GitHub recompute mergeability in the background: the first
 * read afterwards answers `mergeable: null`, `mergeable_state: "unknown"`, so apps must poll.
 */
export function invalidateMergeability(issue: PullIssue): void {
  issue.pull.mergeability = {
    ...issue.pull.mergeability,
    state: 'stale',
    mergeable: null,
    mergeableState: 'unknown',
    conflicts: [],
  };
}

/**
 * Advances the state machine on a REST read: stale -> computing (this read sees null) ->
 * computed (the next read sees the result). `mergeable_state` is re-derived on every read
 * once computed: checks and reviews change it without any base or head move.
 */
export async function readMergeability(
  services: Services,
  repo: RepoState,
  issue: PullIssue,
  reader: Account,
): Promise<void> {
  const { mergeability } = issue.pull;
  if (issue.state !== 'open') return;
  if (mergeability.state === 'stale') {
    mergeability.state = 'computing';
    return;
  }
  if (mergeability.state === 'computing') await computeTestMerge(services, repo, issue, reader);
  if (issue.pull.mergeability.state === 'computed')
    issue.pull.mergeability.mergeableState = await deriveMergeableState(repo, issue);
}

/** The test merge GitHub keeps at `refs/pull/N/merge` (`merge_commit_sha` while open); none on conflict. */
async function computeTestMerge(
  services: Services,
  repo: RepoState,
  issue: PullIssue,
  reader: Account,
): Promise<void> {
  const { pull } = issue;
  const baseTip = await repo.git.resolveRef(`refs/heads/${pull.baseRef}`);
  const result =
    baseTip === undefined
      ? ({ kind: 'unrelated' } as const)
      : await repo.git.mergeTrees(baseTip, pull.headSha);
  let testMergeSha: string | null = null;
  if (result.kind === 'clean' && baseTip !== undefined) {
    const signature = { ...githubCommitter, date: services.world.clock.now() };
    testMergeSha = await repo.git.createCommit({
      tree: result.tree,
      parents: [baseTip, pull.headSha],
      message: `Merge ${pull.headSha} into ${baseTip}`,
      author: signature,
      committer: signature,
    });
  }
  await writePullRef(services, {
    repo,
    ref: `refs/pull/${issue.number}/merge`,
    sha: testMergeSha,
    pusher: reader,
  });
  // A change that arrived while computing made this result stale already.
  if (pull.mergeability.state !== 'computing') return;
  pull.mergeability = {
    state: 'computed',
    mergeable: result.kind === 'clean',
    mergeableState: result.kind === 'clean' ? 'clean' : 'dirty',
    testMergeSha,
    conflicts: result.kind === 'conflict' ? result.paths : [],
  };
}

/**
 * GitHub's `mergeable_state` once mergeability is known. The precedence between `behind`
 * and `blocked` is unverified (see the report).
 */
export async function deriveMergeableState(
  repo: RepoState,
  issue: PullIssue,
): Promise<MergeableState> {
  const { pull } = issue;
  if (pull.mergeability.mergeable !== true) return 'dirty';
  if (pull.draft) return 'draft';
  const baseTip = (await repo.git.resolveRef(`refs/heads/${pull.baseRef}`)) ?? pull.baseSha;
  const blockers = await findBlockers(repo, issue, baseTip);
  if (blockers.some((b) => b.kind === 'behind')) return 'behind';
  if (blockers.length > 0) return 'blocked';
  const required = new Set(requiredChecksFor(repo, pull.baseRef).map((c) => c.context));
  const shaky = latestSignals(repo, pull.headSha).some(
    (s) => !required.has(s.name) && s.state !== 'passing',
  );
  return shaky ? 'unstable' : 'clean';
}
