import type { World } from '../world/world.js';
import type { Account, Issue, RepoState } from '../world/types.js';
import { nodeId } from '../world/ids.js';
import { iso, isoOrNull, renderLabel, renderUser } from './basics.js';

/**
 * GitHub's `author_association` of an issue, comment or review author. Any collaborator role
 * counts as COLLABORATOR; the stand-in keeps no contribution history, so others are NONE.
 */
export function authorAssociation(repo: RepoState, account: Account): string {
  if (repo.owner.login.toLowerCase() === account.login.toLowerCase()) return 'OWNER';
  return repo.collaborators.has(account.login.toLowerCase()) ? 'COLLABORATOR' : 'NONE';
}

/** Nobody reacts in the stand-in, but GitHub always sends the roll-up. */
export function renderReactions(url: string): Record<string, unknown> {
  return {
    url: `${url}/reactions`,
    total_count: 0,
    '+1': 0,
    '-1': 0,
    laugh: 0,
    confused: 0,
    heart: 0,
    hooray: 0,
    eyes: 0,
    rocket: 0,
  };
}

export function renderIssueLabels(
  world: World,
  repo: RepoState,
  issue: Issue,
): Record<string, unknown>[] {
  return issue.labels.flatMap((name) => {
    const label = repo.labels.get(name.toLowerCase());
    return label ? [renderLabel(world, repo, label)] : [];
  });
}

/**
 * The REST `issue` (issues/get) and the webhook `issue` object. A pull request is an issue
 * too: it carries `pull_request` links, which is how apps tell the two apart.
 */
export function renderIssue(world: World, repo: RepoState, issue: Issue): Record<string, unknown> {
  const api = `${world.apiUrl}/repos/${repo.fullName}`;
  const url = `${api}/issues/${issue.number}`;
  const kind = issue.pull ? 'pull' : 'issues';
  const html = `${world.baseUrl}/${repo.fullName}/${kind}/${issue.number}`;
  const comments = [...repo.comments.values()].filter((c) => c.issueNumber === issue.number).length;
  return {
    id: issue.id,
    node_id: nodeId(issue.pull ? 'PR' : 'I', issue.id),
    url,
    repository_url: api,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    timeline_url: `${url}/timeline`,
    html_url: html,
    number: issue.number,
    state: issue.state,
    state_reason: null,
    title: issue.title,
    body: issue.body,
    user: renderUser(world, issue.user),
    labels: renderIssueLabels(world, repo, issue),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments,
    closed_at: isoOrNull(issue.closedAt),
    created_at: iso(issue.createdAt),
    updated_at: iso(issue.updatedAt),
    closed_by: null,
    author_association: authorAssociation(repo, issue.user),
    reactions: renderReactions(url),
    ...(issue.pull
      ? {
          draft: issue.pull.draft,
          pull_request: {
            url: `${api}/pulls/${issue.number}`,
            html_url: html,
            diff_url: `${html}.diff`,
            patch_url: `${html}.patch`,
            merged_at: isoOrNull(issue.pull.mergedAt),
          },
        }
      : {}),
  };
}
