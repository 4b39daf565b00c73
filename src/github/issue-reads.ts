import { readGitHub } from './call-github.js';
import type { RepoContext } from './repo-context.js';

/** The PR's labels as GitHub has them now (the outbox checks a label write it lost the answer to). */
export async function labelsOn(ctx: RepoContext, number: number): Promise<string[]> {
  const labels = await readGitHub(ctx, 'issues/list-labels-on-issue', () =>
    ctx.octokit.paginate(ctx.octokit.rest.issues.listLabelsOnIssue, {
      owner: ctx.owner,
      repo: ctx.repo,
      issue_number: number,
      per_page: 100,
    }),
  );
  return labels.map((label) => label.name);
}

/** Whether a comment on the PR contains `marker` (each outcome comment carries its own). */
export async function hasComment(
  ctx: RepoContext,
  number: number,
  marker: string,
): Promise<boolean> {
  const pages = ctx.octokit.paginate.iterator(ctx.octokit.rest.issues.listComments, {
    owner: ctx.owner,
    repo: ctx.repo,
    issue_number: number,
    per_page: 100,
  });
  return readGitHub(ctx, 'issues/list-comments', async () => {
    for await (const page of pages)
      if (page.data.some((c) => c.body?.includes(marker) === true)) return true;
    return false;
  });
}
