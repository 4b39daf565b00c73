import type { Account, RepoState } from '../../world/types.js';
import type { Services } from '../../world/services.js';
import type { PullIssue } from '../../render/pull-request.js';
import { GitHubError } from '../../http/github-error.js';
import { RefRaceError } from '../../git/index.js';
import { blockerMessage, findBlockers } from './merge-blockers.js';
import { buildMergeResult, type MergeMethod } from './merge-commit.js';
import { RebaseConflictError } from './rebase-commits.js';
import { headRepoOf } from './pull-record.js';
import { landMergedPull } from './land-merged-pull.js';

export interface MergePullInput {
  repo: RepoState;
  issue: PullIssue;
  by: Account;
  method: MergeMethod;
  /** The head the caller reviewed; another head is a 409. */
  sha?: string;
  commitTitle?: string;
  commitMessage?: string;
  /** Runs between reading the base tip and writing it: where an injected push wins the race. */
  race?: () => Promise<void>;
  /** Refuses the base move it is shown (the caller's rules on pushes, e.g. workflow files). */
  guard?: (write: { ref: string; old: string; next: string }) => Promise<void>;
}

const disallowed: Record<MergeMethod, string> = {
  merge: 'Merge commits are not allowed on this repository.',
  squash: 'Squash merges are not allowed on this repository.',
  rebase: 'Rebase merges are not allowed on this repository.',
};

function isAllowed(repo: RepoState, method: MergeMethod): boolean {
  switch (method) {
    case 'merge':
      return repo.settings.allowMergeCommit;
    case 'squash':
      return repo.settings.allowSquashMerge;
    case 'rebase':
      return repo.settings.allowRebaseMerge;
  }
}

const notMergeable = (): GitHubError => new GitHubError(405, 'Pull Request is not mergeable');

/** Everything GitHub refuses before it writes, in the order it reports them. */
async function checkMergeable(input: MergePullInput): Promise<{ baseTip: string; tree: string }> {
  const { repo, issue } = input;
  if (!isAllowed(repo, input.method)) throw new GitHubError(405, disallowed[input.method]);
  if (issue.state !== 'open') throw notMergeable();
  if (input.sha !== undefined && input.sha !== issue.pull.headSha) {
    throw new GitHubError(409, 'Head branch was modified. Review and try the merge again.');
  }
  if (issue.pull.draft) throw new GitHubError(405, 'Pull Request is still a draft');
  const baseTip = await repo.git.resolveRef(`refs/heads/${issue.pull.baseRef}`);
  if (baseTip === undefined) throw notMergeable();
  const merged = await repo.git.mergeTrees(baseTip, issue.pull.headSha);
  if (merged.kind !== 'clean') throw notMergeable();
  const [blocker] = await findBlockers(repo, issue, baseTip);
  if (blocker) throw new GitHubError(405, blockerMessage(blocker));
  return { baseTip, tree: merged.tree };
}

/**
 * `PUT pulls/N/merge`: GitHub builds its own commit on the current base tip and moves the
 * base with a compare-and-swap, so a push that lands in between fails the merge (405 "Base
 * branch was modified") instead of being overwritten.
 */
export async function mergePull(
  services: Services,
  input: MergePullInput,
): Promise<{ sha: string }> {
  const { repo, issue } = input;
  const { baseTip, tree } = await checkMergeable(input);
  const headOwner = headRepoOf(services.world, repo, issue)?.owner.login ?? repo.owner.login;
  const newTip = await buildMergeResult({
    repo,
    issue,
    method: input.method,
    baseTip,
    mergedTree: tree,
    merger: input.by,
    headLabel: `${headOwner}/${issue.pull.headRef}`,
    commitTitle: input.commitTitle,
    commitMessage: input.commitMessage,
    date: services.world.clock.tick(),
  }).catch((error: unknown) => {
    if (error instanceof RebaseConflictError)
      throw new GitHubError(405, "This branch can't be rebased");
    throw error;
  });
  await input.guard?.({ ref: `refs/heads/${issue.pull.baseRef}`, old: baseTip, next: newTip });
  await input.race?.();
  try {
    await repo.git.updateRef(`refs/heads/${issue.pull.baseRef}`, newTip, { expectedOld: baseTip });
  } catch (error) {
    if (error instanceof RefRaceError)
      throw new GitHubError(405, 'Base branch was modified. Review and try the merge again.');
    throw error;
  }
  await landMergedPull(services, {
    repo,
    issue,
    by: input.by,
    baseBefore: baseTip,
    mergeCommitSha: newTip,
    viaApi: true,
  });
  return { sha: newTip };
}
