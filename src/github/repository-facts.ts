import { readGitHub, readUnlessMissing } from './call-github.js';
import type { RepoContext } from './repo-context.js';

/** The repository as `repos/get` shows it: its default branch and its GraphQL node id. */
async function readRepository(ctx: RepoContext) {
  const { data } = await readGitHub(ctx, 'repos/get', () =>
    ctx.octokit.rest.repos.get({ owner: ctx.owner, repo: ctx.repo }),
  );
  return data;
}

export async function defaultBranch(ctx: RepoContext): Promise<string> {
  return (await readRepository(ctx)).default_branch;
}

export async function repositoryNodeId(ctx: RepoContext): Promise<string> {
  return (await readRepository(ctx)).node_id;
}

/** The branch tip, or undefined when there is no such branch. */
export async function branchSha(ctx: RepoContext, branch: string): Promise<string | undefined> {
  // The single-ref endpoint takes `heads/x` and matches exactly (the plural one matches prefixes).
  const answer = await readUnlessMissing(ctx, 'git/get-ref', () =>
    ctx.octokit.rest.git.getRef({ owner: ctx.owner, repo: ctx.repo, ref: `heads/${branch}` }),
  );
  return answer?.data.object.sha;
}
