import type { World } from '../../world/world.js';
import type { RepoState } from '../../world/types.js';
import type { PullIssue } from '../../render/pull-request.js';
import { headRepoOf, listPulls } from './pull-record.js';

export interface PullListQuery {
  state?: 'open' | 'closed' | 'all';
  /** `owner:branch`; a bare branch name is taken as a branch of the base repository's owner. */
  head?: string;
  base?: string;
  sort?: 'created' | 'updated' | 'popularity' | 'long-running';
  direction?: 'asc' | 'desc';
}

function matchesHead(world: World, repo: RepoState, issue: PullIssue, head: string): boolean {
  const [owner, branch] = head.includes(':') ? head.split(/:(.*)/s) : [repo.owner.login, head];
  const headOwner = headRepoOf(world, repo, issue)?.owner.login ?? '';
  return headOwner.toLowerCase() === (owner ?? '').toLowerCase() && issue.pull.headRef === branch;
}

function sortKey(
  repo: RepoState,
  issue: PullIssue,
  sort: NonNullable<PullListQuery['sort']>,
): number {
  switch (sort) {
    case 'created':
    case 'long-running':
      return issue.createdAt.getTime();
    case 'updated':
      return issue.updatedAt.getTime();
    case 'popularity':
      return [...repo.comments.values()].filter((c) => c.issueNumber === issue.number).length;
  }
}

/** pulls/list: filter by state/head/base; newest first by default, ascending for the other sorts (GitHub's defaults). */
export function filterPulls(world: World, repo: RepoState, query: PullListQuery): PullIssue[] {
  const state = query.state ?? 'open';
  const sort = query.sort ?? 'created';
  const direction = query.direction ?? (sort === 'created' ? 'desc' : 'asc');
  const sign = direction === 'asc' ? 1 : -1;
  return listPulls(repo)
    .filter((p) => state === 'all' || p.state === state)
    .filter((p) => query.base === undefined || p.pull.baseRef === query.base)
    .filter((p) => query.head === undefined || matchesHead(world, repo, p, query.head))
    .sort(
      (a, b) =>
        sign * (sortKey(repo, a, sort) - sortKey(repo, b, sort)) || sign * (a.number - b.number),
    );
}
