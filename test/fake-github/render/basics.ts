import type { World } from '../world/world.js';
import type { Account, Installation, Label, RepoState } from '../world/types.js';
import { nodeId } from '../world/ids.js';

/** ISO 8601 without milliseconds, as GitHub writes timestamps. */
export function iso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function isoOrNull(date: Date | null | undefined): string | null {
  return date ? iso(date) : null;
}

export function renderUser(world: World, account: Account): Record<string, unknown> {
  // GitHub escapes bot logins in URLs (`dependabot%5Bbot%5D`); raw brackets are not valid URIs.
  const api = `${world.apiUrl}/users/${encodeURIComponent(account.login)}`;
  return {
    login: account.login,
    id: account.id,
    node_id: nodeId(account.type === 'Bot' ? 'BOT' : 'U', account.id),
    avatar_url: `${world.baseUrl}/avatars/u/${account.id}`,
    gravatar_id: '',
    url: api,
    html_url: `${world.baseUrl}/${encodeURIComponent(account.login)}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: account.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** A repository as both the REST API and webhooks describe it (a superset of both schemas). */
export function renderRepository(world: World, repo: RepoState): Record<string, unknown> {
  const api = `${world.apiUrl}/repos/${repo.fullName}`;
  const html = `${world.baseUrl}/${repo.fullName}`;
  const u = (suffix: string): string => `${api}${suffix}`;
  return {
    id: repo.id,
    node_id: nodeId('R', repo.id),
    name: repo.name,
    full_name: repo.fullName,
    owner: renderUser(world, repo.owner),
    private: repo.private,
    html_url: html,
    description: null,
    fork: repo.parent !== null,
    url: api,
    archive_url: u('/{archive_format}{/ref}'),
    assignees_url: u('/assignees{/user}'),
    blobs_url: u('/git/blobs{/sha}'),
    branches_url: u('/branches{/branch}'),
    collaborators_url: u('/collaborators{/collaborator}'),
    comments_url: u('/comments{/number}'),
    commits_url: u('/commits{/sha}'),
    compare_url: u('/compare/{base}...{head}'),
    contents_url: u('/contents/{+path}'),
    contributors_url: u('/contributors'),
    deployments_url: u('/deployments'),
    downloads_url: u('/downloads'),
    events_url: u('/events'),
    forks_url: u('/forks'),
    git_commits_url: u('/git/commits{/sha}'),
    git_refs_url: u('/git/refs{/sha}'),
    git_tags_url: u('/git/tags{/sha}'),
    git_url: `git://127.0.0.1/${repo.fullName}.git`,
    issue_comment_url: u('/issues/comments{/number}'),
    issue_events_url: u('/issues/events{/number}'),
    issues_url: u('/issues{/number}'),
    keys_url: u('/keys{/key_id}'),
    labels_url: u('/labels{/name}'),
    languages_url: u('/languages'),
    merges_url: u('/merges'),
    milestones_url: u('/milestones{/number}'),
    notifications_url: u('/notifications{?since,all,participating}'),
    pulls_url: u('/pulls{/number}'),
    releases_url: u('/releases{/id}'),
    ssh_url: `git@127.0.0.1:${repo.fullName}.git`,
    stargazers_url: u('/stargazers'),
    statuses_url: u('/statuses/{sha}'),
    subscribers_url: u('/subscribers'),
    subscription_url: u('/subscription'),
    tags_url: u('/tags'),
    teams_url: u('/teams'),
    trees_url: u('/git/trees{/sha}'),
    clone_url: `${world.baseUrl}/${repo.fullName}.git`,
    mirror_url: null,
    hooks_url: u('/hooks'),
    svn_url: html,
    homepage: null,
    language: null,
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 0,
    default_branch: repo.defaultBranch,
    open_issues_count: [...repo.issues.values()].filter((i) => i.state === 'open').length,
    open_issues: [...repo.issues.values()].filter((i) => i.state === 'open').length,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: false,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: repo.private ? 'private' : 'public',
    pushed_at: iso(repo.createdAt),
    created_at: iso(repo.createdAt),
    updated_at: iso(repo.createdAt),
    allow_squash_merge: repo.settings.allowSquashMerge,
    allow_merge_commit: repo.settings.allowMergeCommit,
    allow_rebase_merge: repo.settings.allowRebaseMerge,
    allow_auto_merge: false,
    delete_branch_on_merge: repo.settings.deleteBranchOnMerge,
    allow_forking: true,
    web_commit_signoff_required: false,
    license: null,
  };
}

/** The repository fields extra to `full-repository` (REST `repos/get`). */
export function renderFullRepository(world: World, repo: RepoState): Record<string, unknown> {
  return {
    ...renderRepository(world, repo),
    network_count: 0,
    subscribers_count: 0,
    ...(repo.parent
      ? {
          parent: renderRepository(world, world.requireRepo(repo.parent)),
          source: renderRepository(world, world.requireRepo(repo.parent)),
        }
      : {}),
  };
}

export function renderInstallationRef(installation: Installation): Record<string, unknown> {
  return { id: installation.id, node_id: nodeId('MDIz', installation.id) };
}

export function renderLabel(world: World, repo: RepoState, label: Label): Record<string, unknown> {
  return {
    id: label.id,
    node_id: nodeId('LA', label.id),
    url: `${world.apiUrl}/repos/${repo.fullName}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    description: label.description,
    color: label.color,
    default: label.default,
  };
}
