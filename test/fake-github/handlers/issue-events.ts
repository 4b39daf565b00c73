import type { HandlerTable } from './types.js';
import { requireRepo } from './types.js';
import { answerNow } from './answer-now.js';
import { pagedAnswer } from './paged-answer.js';
import { requireIssue } from '../domain/issues.js';
import { iso, renderUser } from '../render/basics.js';
import { nodeId } from '../world/ids.js';

/** `GET /issues/{n}/events`, oldest first: the label events apps read to learn who queued a PR. */
export const issueEventHandlers: HandlerTable = {
  'issues/list-events': answerNow((ctx) => {
    const repo = requireRepo(ctx);
    const issue = requireIssue(repo, Number(ctx.params.issue_number));
    return pagedAnswer(ctx, issue.timeline ?? [], (event) => ({
      id: event.id,
      node_id: nodeId('LE', event.id),
      url: `${ctx.world.apiUrl}/repos/${repo.fullName}/issues/events/${event.id}`,
      actor: renderUser(ctx.world, event.actor),
      event: event.event,
      commit_id: null,
      commit_url: null,
      created_at: iso(event.createdAt),
      performed_via_github_app: null,
      label: event.label,
    }));
  }),
};
