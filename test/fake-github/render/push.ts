import type { World } from '../world/world.js';
import type { Account, RepoState } from '../world/types.js';
import type { RefChange } from '../events/ref-hub.js';
import type { CommitInfo } from '../git/index.js';
import { ZERO_SHA } from '../git/index.js';
import { iso } from './basics.js';

/** GitHub lists at most 20 commits in a push payload. */
const pushCommitLimit = 20;

function renderPushCommit(
  world: World,
  repo: RepoState,
  commit: CommitInfo,
): Record<string, unknown> {
  return {
    id: commit.sha,
    tree_id: commit.tree,
    distinct: true,
    message: commit.message,
    timestamp: iso(commit.committer.date),
    url: `${world.baseUrl}/${repo.fullName}/commit/${commit.sha}`,
    author: { name: commit.author.name, email: commit.author.email, date: iso(commit.author.date) },
    committer: {
      name: commit.committer.name,
      email: commit.committer.email,
      date: iso(commit.committer.date),
    },
    added: [],
    removed: [],
    modified: [],
  };
}

/** The `push` webhook body (repository, sender, installation are added per app). */
export async function renderPushPayload(
  world: World,
  repo: RepoState,
  change: RefChange,
  pusher: Account,
): Promise<Record<string, unknown>> {
  const created = change.before === ZERO_SHA;
  const deleted = change.after === ZERO_SHA;
  const forced =
    change.forced ??
    (!created && !deleted && !(await repo.git.isAncestor(change.before, change.after)));
  const commits = deleted
    ? []
    : await repo.git.listCommits(
        created
          ? { head: change.after, max: pushCommitLimit, order: 'oldest-first' }
          : {
              base: change.before,
              head: change.after,
              max: pushCommitLimit,
              order: 'oldest-first',
            },
      );
  const head = deleted ? undefined : await repo.git.readCommit(change.after);
  return {
    ref: change.ref,
    before: change.before,
    after: change.after,
    created,
    deleted,
    forced,
    base_ref: null,
    compare: `${world.baseUrl}/${repo.fullName}/compare/${change.before.slice(0, 12)}...${change.after.slice(0, 12)}`,
    commits: commits.map((c) => renderPushCommit(world, repo, c)),
    head_commit: head ? renderPushCommit(world, repo, head) : null,
    pusher: { name: pusher.login, email: pusher.email },
  };
}
