import type { Account, RepoState } from '../../world/types.js';
import type { Services } from '../../world/services.js';
import type { PullIssue } from '../../render/pull-request.js';
import type { PullChange } from '../../events/pull-hub.js';
import { renderPullEventPayload } from '../../render/pull-event.js';
import { readPullFacts } from './pull-facts.js';

export type PullAction = PullChange | 'ready_for_review' | 'converted_to_draft';

/** Lifecycle actions CI reacts to (`pull_request` workflows); the rest only reach apps. */
const ciChanges = new Set<PullAction>(['opened', 'synchronize', 'reopened', 'closed', 'edited']);

function isCiChange(action: PullAction): action is PullChange {
  return ciChanges.has(action);
}

/**
 * Sends `pull_request.<action>` with the PR as it is now, and tells the stand-in's CI. The
 * payload is rendered immediately: a later change must not leak into an earlier event.
 */
export async function emitPullEvent(
  services: Services,
  input: {
    repo: RepoState;
    issue: PullIssue;
    action: PullAction;
    sender: Account;
    extra?: Record<string, unknown>;
  },
): Promise<void> {
  const { repo, issue, action } = input;
  const facts = await readPullFacts(repo, issue);
  const payload = renderPullEventPayload(services.world, repo, issue, facts, input.extra);
  services.webhooks.emit({ repo, event: 'pull_request', action, payload, sender: input.sender });
  if (isCiChange(action)) {
    await services.pulls.changed({
      repo,
      number: issue.number,
      change: action,
      headSha: issue.pull.headSha,
    });
  }
}
