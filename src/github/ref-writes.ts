import type { RefWrite } from './port.js';
import type { RepoContext } from './repo-context.js';
import { writeOnce } from './repo-context.js';
import { refWriteOutcome } from './ref-write-outcome.js';
import { withOperation } from './request-operation.js';

/** Where a ref lives: this repository, or another one (a fork's head branch). */
export interface RefTarget {
  owner: string;
  repo: string;
  branch: string;
}

async function attempt(operation: string, call: () => Promise<unknown>): Promise<RefWrite> {
  try {
    await withOperation(operation, call);
    return { kind: 'ok' };
  } catch (error) {
    return refWriteOutcome(error);
  }
}

/**
 * Moves the branch, creating it when missing. The two endpoints spell refs differently:
 * PATCH takes `heads/x` (`refs/heads/x` there names a ref that never exists), POST needs
 * `refs/heads/x`. Octokit percent-encodes the slashes of `feature/x` in the path, which
 * GitHub decodes. Without `force` GitHub only fast-forwards, which makes the PATCH a
 * compare-and-swap against the old tip.
 */
export async function setBranchAt(
  ctx: RepoContext,
  target: RefTarget,
  sha: string,
  options: { force: boolean },
): Promise<RefWrite> {
  const { owner, repo, branch } = target;
  const { git } = ctx.octokit.rest;
  const moved = await attempt('git/update-ref', () =>
    git.updateRef({
      owner,
      repo,
      ref: `heads/${branch}`,
      sha,
      force: options.force,
      request: writeOnce,
    }),
  );
  if (moved.kind !== 'missing') {
    ctx.log?.debug({ owner, repo, branch, sha, outcome: moved.kind }, 'moved branch');
    return moved;
  }
  // Someone creating it in between makes this 422 "Reference already exists": rejected.
  const created = await attempt('git/create-ref', () =>
    git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha, request: writeOnce }),
  );
  ctx.log?.debug({ owner, repo, branch, sha, outcome: created.kind }, 'created branch');
  return created;
}

export async function deleteBranchAt(ctx: RepoContext, target: RefTarget): Promise<RefWrite> {
  const { owner, repo, branch } = target;
  const deleted = await attempt('git/delete-ref', () =>
    ctx.octokit.rest.git.deleteRef({ owner, repo, ref: `heads/${branch}`, request: writeOnce }),
  );
  ctx.log?.debug({ owner, repo, branch, outcome: deleted.kind }, 'deleted branch');
  return deleted;
}
