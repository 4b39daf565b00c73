import type { Account, RepoState } from '../../world/types.js';
import type { Services } from '../../world/services.js';
import type { PullIssue } from '../../render/pull-request.js';
import { emitPullEvent } from './emit-pull-event.js';
import { headRepoOf } from './pull-record.js';
import { invalidateMergeability } from './mergeability.js';
import { syncPullHeadRef } from './pull-refs.js';
import { pullValidationError } from './pull-errors.js';

export interface PullChangeInput {
  repo: RepoState;
  issue: PullIssue;
  by: Account;
}

/** Closing an open PR sends `closed` with `merged: false`; closing a closed one changes nothing. */
export async function closePull(services: Services, input: PullChangeInput): Promise<void> {
  const { issue } = input;
  if (issue.state === 'closed') return;
  const now = services.world.clock.tick();
  issue.state = 'closed';
  issue.closedAt = now;
  issue.updatedAt = now;
  await emitPullEvent(services, { repo: input.repo, issue, action: 'closed', sender: input.by });
}

/**
 * Reopening picks up wherever the head branch is now (pushes to a closed PR's branch are not
 * tracked); a merged PR, or one whose head branch is gone, cannot be reopened.
 */
export async function reopenPull(services: Services, input: PullChangeInput): Promise<void> {
  const { issue, repo } = input;
  if (issue.state === 'open') return;
  if (issue.pull.merged) throw pullValidationError('Cannot reopen a merged pull request.');
  const headRepo = headRepoOf(services.world, repo, issue);
  const headSha = await headRepo?.git.resolveRef(`refs/heads/${issue.pull.headRef}`);
  if (!headRepo || headSha === undefined)
    throw pullValidationError(`Cannot reopen: the ${issue.pull.headRef} branch was deleted.`);
  const now = services.world.clock.tick();
  issue.state = 'open';
  issue.closedAt = null;
  issue.updatedAt = now;
  if (headSha !== issue.pull.headSha) {
    issue.pull.headSha = headSha;
    await syncPullHeadRef(services, {
      base: repo,
      headRepo,
      number: issue.number,
      sha: headSha,
      pusher: input.by,
    });
  }
  invalidateMergeability(issue);
  await emitPullEvent(services, { repo, issue, action: 'reopened', sender: input.by });
}

/** `ready_for_review` / `converted_to_draft`; `mergeable_state` follows on the next read. */
export async function setPullDraft(
  services: Services,
  input: PullChangeInput & { draft: boolean },
): Promise<void> {
  const { issue } = input;
  if (issue.pull.draft === input.draft) return;
  issue.pull.draft = input.draft;
  issue.updatedAt = services.world.clock.tick();
  await emitPullEvent(services, {
    repo: input.repo,
    issue,
    action: input.draft ? 'converted_to_draft' : 'ready_for_review',
    sender: input.by,
  });
}
