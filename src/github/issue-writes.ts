import { asWriteError, writeGitHub } from './call-github.js';
import type { RepoContext } from './repo-context.js';
import { requestFailure } from './request-failure.js';

/** Adds labels (GitHub creates missing ones); labels already on the PR are left as they are. */
export async function addLabels(ctx: RepoContext, number: number, labels: string[]): Promise<void> {
  if (labels.length === 0) return;
  await writeGitHub(ctx, 'issues/add-labels', () =>
    ctx.octokit.rest.issues.addLabels({
      owner: ctx.owner,
      repo: ctx.repo,
      issue_number: number,
      labels,
    }),
  );
}

/** 404 "Label does not exist" means it is already off the PR, which is what was wanted. */
export async function removeLabel(ctx: RepoContext, number: number, label: string): Promise<void> {
  try {
    await ctx.octokit.rest.issues.removeLabel({
      owner: ctx.owner,
      repo: ctx.repo,
      issue_number: number,
      name: label,
    });
  } catch (error) {
    if (requestFailure(error).status === 404) return;
    throw asWriteError(ctx, 'issues/remove-label', error);
  }
}

export async function comment(ctx: RepoContext, number: number, body: string): Promise<void> {
  await writeGitHub(ctx, 'issues/create-comment', () =>
    ctx.octokit.rest.issues.createComment({
      owner: ctx.owner,
      repo: ctx.repo,
      issue_number: number,
      body,
    }),
  );
}
