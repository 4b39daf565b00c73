import type { Account, RepoState } from '../../world/types.js';
import type { Services } from '../../world/services.js';
import type { RefChange, RefListener } from '../../events/ref-hub.js';
import { zeroSha } from '../../events/ref-hub.js';
import type { FakeGitHubPlugin } from '../../plugins.js';
import { emitPullEvent } from './emit-pull-event.js';
import { closePull } from './change-pull-state.js';
import { invalidateMergeability } from './mergeability.js';
import { landMergedPull } from './land-merged-pull.js';
import { listPulls } from './pull-record.js';
import { syncPullHeadRef } from './pull-refs.js';

type BranchMove = { repo: RepoState; branch: string; change: RefChange; pusher: Account };

/** Open PRs (in any repository: forks point at their parent) whose head is this branch. */
function pullsHeadedBy(services: Services, move: BranchMove) {
  return [...services.world.repos.values()].flatMap((base) =>
    listPulls(base)
      .filter(
        (p) =>
          p.state === 'open' &&
          p.pull.headRef === move.branch &&
          p.pull.headRepo?.toLowerCase() === move.repo.fullName.toLowerCase(),
      )
      .map((issue) => ({ base, issue })),
  );
}

/** A head push: new head sha and `refs/pull/N/head`, unknown mergeability, `synchronize`. Deleting the head closes the PR. */
async function followHead(services: Services, move: BranchMove): Promise<void> {
  for (const { base, issue } of pullsHeadedBy(services, move)) {
    if (move.change.after === zeroSha) {
      await closePull(services, { repo: base, issue, by: move.pusher });
      continue;
    }
    const before = issue.pull.headSha;
    if (before === move.change.after) continue;
    issue.pull.headSha = move.change.after;
    issue.updatedAt = services.world.clock.tick();
    await syncPullHeadRef(services, {
      base,
      headRepo: move.repo,
      number: issue.number,
      sha: move.change.after,
      pusher: move.pusher,
    });
    invalidateMergeability(issue);
    await emitPullEvent(services, {
      repo: base,
      issue,
      action: 'synchronize',
      sender: move.pusher,
      extra: { before, after: move.change.after },
    });
  }
}

/**
 * A base push: every PR on that base needs its mergeability recomputed, and a PR whose head
 * the base now contains was merged by that push (GitHub marks it merged, by the pusher, with
 * the pushed commit as `merge_commit_sha`). Deleting the base closes its PRs.
 */
async function followBase(services: Services, move: BranchMove): Promise<void> {
  const { repo, change } = move;
  for (const issue of listPulls(repo).filter(
    (p) => p.state === 'open' && p.pull.baseRef === move.branch,
  )) {
    if (change.after === zeroSha) {
      await closePull(services, { repo, issue, by: move.pusher });
      continue;
    }
    invalidateMergeability(issue);
    if (!(await repo.git.isAncestor(issue.pull.headSha, change.after))) continue;
    const baseBefore = change.before === zeroSha ? issue.pull.baseSha : change.before;
    await landMergedPull(services, {
      repo,
      issue,
      by: move.pusher,
      baseBefore,
      mergeCommitSha: change.after,
      viaApi: false,
    });
  }
}

/** Keeps pull requests in step with every branch move, whatever made it (REST, git push, harness, merges). */
export function syncPullsOnPush(services: Services): RefListener {
  return async (event) => {
    for (const change of event.changes) {
      if (!change.ref.startsWith('refs/heads/')) continue;
      const move = {
        repo: event.repo,
        branch: change.ref.slice('refs/heads/'.length),
        change,
        pusher: event.pusher,
      };
      await followHead(services, move);
      await followBase(services, move);
    }
  };
}

export const pullSyncPlugin: FakeGitHubPlugin = (gh) =>
  gh.refs.subscribe(syncPullsOnPush(gh.services));
