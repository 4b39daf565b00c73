import type { World } from '../world/world.js';
import type { Issue, PullRequestState, RepoState } from '../world/types.js';
import { nodeId } from '../world/ids.js';
import { iso, isoOrNull, renderLabel, renderRepository, renderUser } from './basics.js';

export type PullIssue = Issue & { pull: PullRequestState };

/** GitHub's `author_association` of the PR author towards the repository. */
function authorAssociation(repo: RepoState, login: string): string {
  if (repo.owner.login.toLowerCase() === login.toLowerCase()) return 'OWNER';
  const role = repo.collaborators.get(login.toLowerCase());
  if (role === 'admin' || role === 'maintain' || role === 'write') return 'COLLABORATOR';
  return 'CONTRIBUTOR';
}

function branchSide(
  world: World,
  repo: RepoState | undefined,
  ref: string,
  sha: string,
  fallbackOwner: string,
): Record<string, unknown> {
  return {
    label: `${repo?.owner.login ?? fallbackOwner}:${ref}`,
    ref,
    sha,
    user: renderUser(world, repo?.owner ?? world.account(fallbackOwner)),
    repo: repo ? renderRepository(world, repo) : null,
  };
}

/** The fields shared by the REST `pull-request` schema and every pull_request webhook. */
export function renderPullRequestBase(
  world: World,
  repo: RepoState,
  issue: PullIssue,
  baseSha: string,
): Record<string, unknown> {
  const { pull } = issue;
  const api = `${world.apiUrl}/repos/${repo.fullName}`;
  const url = `${api}/pulls/${issue.number}`;
  const html = `${world.baseUrl}/${repo.fullName}/pull/${issue.number}`;
  const headRepo = pull.headRepo ? world.repo(pull.headRepo) : undefined;
  return {
    url,
    id: issue.id,
    node_id: nodeId('PR', issue.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${issue.number}`,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${issue.number}/comments`,
    statuses_url: `${api}/statuses/${pull.headSha}`,
    number: issue.number,
    state: issue.state,
    locked: false,
    title: issue.title,
    user: renderUser(world, issue.user),
    body: issue.body,
    labels: issue.labels.flatMap((name) => {
      const label = repo.labels.get(name.toLowerCase());
      return label ? [renderLabel(world, repo, label)] : [];
    }),
    milestone: null,
    active_lock_reason: null,
    created_at: iso(issue.createdAt),
    updated_at: iso(issue.updatedAt),
    closed_at: isoOrNull(issue.closedAt),
    merged_at: isoOrNull(pull.mergedAt),
    merge_commit_sha: pull.mergeCommitSha ?? pull.mergeability.testMergeSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: branchSide(
      world,
      headRepo,
      pull.headRef,
      pull.headSha,
      pull.headRepo?.split('/')[0] ?? repo.owner.login,
    ),
    base: branchSide(world, repo, pull.baseRef, baseSha, repo.owner.login),
    _links: {
      self: { href: url },
      html: { href: html },
      issue: { href: `${api}/issues/${issue.number}` },
      comments: { href: `${api}/issues/${issue.number}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: `${api}/statuses/${pull.headSha}` },
    },
    author_association: authorAssociation(repo, issue.user.login),
    auto_merge: null,
    draft: pull.draft,
  };
}

export interface PullStats {
  commits: number;
  additions: number;
  deletions: number;
  changedFiles: number;
}

/** The full REST `pull-request` (pulls/get, pulls/update) and webhook `pull_request` object. */
export function renderPullRequest(
  world: World,
  repo: RepoState,
  issue: PullIssue,
  facts: { baseSha: string; stats: PullStats },
): Record<string, unknown> {
  const { pull } = issue;
  const computed = pull.mergeability.state === 'computed';
  return {
    ...renderPullRequestBase(world, repo, issue, facts.baseSha),
    merged: pull.merged,
    mergeable: computed ? pull.mergeability.mergeable : null,
    rebaseable: computed ? pull.mergeability.mergeable : null,
    mergeable_state: computed ? pull.mergeability.mergeableState : 'unknown',
    merged_by: pull.mergedBy ? renderUser(world, pull.mergedBy) : null,
    comments: [...repo.comments.values()].filter((c) => c.issueNumber === issue.number).length,
    review_comments: 0,
    maintainer_can_modify: pull.maintainerCanModify,
    commits: facts.stats.commits,
    additions: facts.stats.additions,
    deletions: facts.stats.deletions,
    changed_files: facts.stats.changedFiles,
  };
}
