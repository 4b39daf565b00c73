import type { NoticeWrite } from './port.js';
import type { RepoContext } from './repo-context.js';
import { writeOnce } from './repo-context.js';
import { sendNotice } from './notice-write-outcome.js';

/*
 * Sent once (`writeOnce`): Probot's retry plugin repeats 5xx answers, and a comment GitHub
 * wrote before answering 502 would be posted twice. The outbox looks before sending again.
 */

/** Adds labels (GitHub creates missing ones); labels already on the PR are left as they are. */
export async function addLabels(
  ctx: RepoContext,
  number: number,
  labels: string[],
): Promise<NoticeWrite> {
  if (labels.length === 0) return { kind: 'ok' };
  return sendNotice(ctx.log, 'issues/add-labels', () =>
    ctx.octokit.rest.issues.addLabels({
      owner: ctx.owner,
      repo: ctx.repo,
      issue_number: number,
      labels,
      request: writeOnce,
    }),
  );
}

/** 404 "Label does not exist" means it is already off the PR, which is what was wanted. */
export async function removeLabel(
  ctx: RepoContext,
  number: number,
  label: string,
): Promise<NoticeWrite> {
  const outcome = await sendNotice(ctx.log, 'issues/remove-label', () =>
    ctx.octokit.rest.issues.removeLabel({
      owner: ctx.owner,
      repo: ctx.repo,
      issue_number: number,
      name: label,
      request: writeOnce,
    }),
  );
  return outcome.kind === 'rejected' && outcome.status === 404 ? { kind: 'ok' } : outcome;
}

export function comment(ctx: RepoContext, number: number, body: string): Promise<NoticeWrite> {
  return sendNotice(ctx.log, 'issues/create-comment', () =>
    ctx.octokit.rest.issues.createComment({
      owner: ctx.owner,
      repo: ctx.repo,
      issue_number: number,
      body,
      request: writeOnce,
    }),
  );
}
