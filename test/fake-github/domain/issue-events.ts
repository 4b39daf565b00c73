import type { Account, Issue, RepoState } from '../world/types.js';
import type { Services } from '../world/services.js';
import { renderPullEventPayload } from '../render/pull-event.js';
import { renderIssue } from '../render/issue.js';
import { isPull } from './pulls/pull-record.js';
import { readPullFacts } from './pulls/pull-facts.js';

/** Sends one event about the issue, rendered from its state at the moment of the call. */
export type IssueEventSender = (
  action: string,
  actor: Account,
  extra?: Record<string, unknown>,
) => void;

/**
 * Prepares webhooks about one issue or pull request: GitHub raises `pull_request` (with the
 * full pull request) for PRs and `issues` for plain issues. Git facts are read once up front,
 * so a burst of events (one per label) each shows the labels as they were at that event.
 */
export async function prepareIssueEvents(
  services: Services,
  repo: RepoState,
  issue: Issue,
): Promise<IssueEventSender> {
  const { world, webhooks } = services;
  if (isPull(issue)) {
    const facts = await readPullFacts(repo, issue);
    return (action, actor, extra = {}) => {
      const payload = renderPullEventPayload(world, repo, issue, facts, extra);
      webhooks.emit({ repo, event: 'pull_request', action, payload, sender: actor });
    };
  }
  return (action, actor, extra = {}) => {
    const payload = { issue: renderIssue(world, repo, issue), ...extra };
    webhooks.emit({ repo, event: 'issues', action, payload, sender: actor });
  };
}
