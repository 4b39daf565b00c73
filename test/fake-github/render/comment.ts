import type { World } from '../world/world.js';
import type { IssueComment, RepoState } from '../world/types.js';
import { nodeId } from '../world/ids.js';
import { iso, renderUser } from './basics.js';
import { renderApp } from './apps.js';
import { authorAssociation, renderReactions } from './issue.js';

/** The REST `issue-comment` and the webhook `comment` (a superset of both schemas). */
export function renderComment(
  world: World,
  repo: RepoState,
  comment: IssueComment,
): Record<string, unknown> {
  const api = `${world.apiUrl}/repos/${repo.fullName}`;
  const url = `${api}/issues/comments/${comment.id}`;
  const issue = repo.issues.get(comment.issueNumber);
  const kind = issue?.pull ? 'pull' : 'issues';
  // A comment written with an installation token names the app that wrote it.
  const app =
    comment.user.type === 'Bot'
      ? [...world.apps.values()].find((a) => a.bot.id === comment.user.id)
      : undefined;
  return {
    id: comment.id,
    node_id: nodeId('IC', comment.id),
    url,
    html_url: `${world.baseUrl}/${repo.fullName}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${api}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: renderUser(world, comment.user),
    created_at: iso(comment.createdAt),
    updated_at: iso(comment.updatedAt),
    author_association: authorAssociation(repo, comment.user),
    performed_via_github_app: app ? renderApp(world, app) : null,
    reactions: renderReactions(url),
  };
}
