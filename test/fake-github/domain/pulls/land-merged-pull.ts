import type { Account, RepoState } from '../../world/types.js';
import type { Services } from '../../world/services.js';
import type { PullIssue } from '../../render/pull-request.js';
import { GitError } from '../../git/index.js';
import { zeroSha } from '../../events/ref-hub.js';
import { emitPullEvent } from './emit-pull-event.js';
import { listPulls, isFromFork } from './pull-record.js';

export interface LandInput {
  repo: RepoState;
  issue: PullIssue;
  by: Account;
  /** The base tip before the merge: the PR's `base.sha` from now on, so its counts stay right. */
  baseBefore: string;
  mergeCommitSha: string;
  /** True when GitHub moved the base itself (REST merge): it then reports the push too. */
  viaApi: boolean;
}

/**
 * A PR becomes merged: closed with `merged_at`, `merged_by` and `merge_commit_sha`, then
 * `pull_request.closed` (merged: true), then — for REST merges — the `push` to the base and
 * the head branch deletion the repository asks for.
 */
export async function landMergedPull(services: Services, input: LandInput): Promise<void> {
  const { repo, issue } = input;
  const now = services.world.clock.tick();
  const { pull } = issue;
  pull.merged = true;
  pull.mergedAt = now;
  pull.mergedBy = input.by;
  pull.mergeCommitSha = input.mergeCommitSha;
  pull.baseSha = input.baseBefore;
  // A merged PR answers `mergeable: null` again, as GitHub's do.
  pull.mergeability = {
    state: 'stale',
    mergeable: null,
    mergeableState: 'unknown',
    testMergeSha: null,
    conflicts: [],
  };
  issue.state = 'closed';
  issue.closedAt = now;
  issue.updatedAt = now;
  await emitPullEvent(services, { repo, issue, action: 'closed', sender: input.by });
  if (!input.viaApi) return;
  const baseRef = `refs/heads/${issue.pull.baseRef}`;
  await services.refs.refsChanged({
    repo,
    changes: [{ ref: baseRef, before: input.baseBefore, after: input.mergeCommitSha }],
    pusher: input.by,
  });
  if (repo.settings.deleteBranchOnMerge) await deleteHeadBranch(services, input);
}

/** Never a fork's branch, the default branch, or a branch other open PRs still build on. */
async function deleteHeadBranch(services: Services, input: LandInput): Promise<void> {
  const { repo, issue } = input;
  const branch = issue.pull.headRef;
  if (isFromFork(repo, issue) || branch === repo.defaultBranch) return;
  if (listPulls(repo).some((p) => p.state === 'open' && p.pull.baseRef === branch)) return;
  const ref = `refs/heads/${branch}`;
  try {
    await repo.git.deleteRef(ref, { expectedOld: issue.pull.headSha });
  } catch (error) {
    // Someone pushed to the branch after the merge: GitHub keeps it.
    if (error instanceof GitError) return;
    throw error;
  }
  await services.refs.refsChanged({
    repo,
    changes: [{ ref, before: issue.pull.headSha, after: zeroSha }],
    pusher: input.by,
  });
}
