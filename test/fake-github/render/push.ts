import type { World } from '../world/world.js';
import type { Account, RepoState } from '../world/types.js';
import type { RefChange } from '../events/ref-hub.js';
import type { CommitInfo } from '../git/index.js';
import { ZERO_SHA } from '../git/index.js';
import { changedPaths, type ChangedPaths } from '../git/changed-paths.js';
import { newCommitShas } from '../git/new-commit-shas.js';
import { iso } from './basics.js';

/**
 * "The array includes a maximum of 2048 commits" (GitHub's push webhook schema); the 20 of
 * older docs applies to timeline events, not to webhook deliveries.
 */
const pushCommitLimit = 2048;

function renderPushCommit(
  world: World,
  repo: RepoState,
  commit: CommitInfo,
  paths: ChangedPaths,
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
    added: paths.added,
    removed: paths.removed,
    modified: paths.modified,
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
    : created
      ? await readCommits(
          repo,
          await newCommitShas(repo.git.git, { ...change, sha: change.after, max: pushCommitLimit }),
        )
      : await repo.git.listCommits({
          base: change.before,
          head: change.after,
          max: pushCommitLimit,
          order: 'oldest-first',
        });
  const head = deleted ? undefined : await repo.git.readCommit(change.after);
  // One git process at a time (a push may list thousands); the head is usually listed already.
  const rendered = new Map<string, Record<string, unknown>>();
  const render = async (commit: CommitInfo) => {
    const seen = rendered.get(commit.sha);
    if (seen) return seen;
    const paths = await changedPaths(repo.git.git, commit);
    const body = renderPushCommit(world, repo, commit, paths);
    rendered.set(commit.sha, body);
    return body;
  };
  const listed = [];
  for (const commit of commits) listed.push(await render(commit));
  return {
    ref: change.ref,
    before: change.before,
    after: change.after,
    created,
    deleted,
    forced,
    base_ref: null,
    compare: `${world.baseUrl}/${repo.fullName}/compare/${change.before.slice(0, 12)}...${change.after.slice(0, 12)}`,
    commits: listed,
    head_commit: head ? await render(head) : null,
    pusher: { name: pusher.login, email: pusher.email },
  };
}

async function readCommits(repo: RepoState, shas: string[]): Promise<CommitInfo[]> {
  const commits = await Promise.all(shas.map((sha) => repo.git.readCommit(sha)));
  return commits.filter((c): c is CommitInfo => c !== undefined);
}
