import type { HandlerTable } from './types.js';
import { requireRepo } from './types.js';
import { GitHubError } from '../http/github-error.js';
import { diffFiles } from '../git/diff-files.js';
import { renderCommit } from '../render/commit.js';

/** git's well-known empty tree: a root commit's files are diffed against it. */
const emptyTree = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/** GitHub lists at most 300 files of a single commit. */
const commitFileLimit = 300;

export const commitHandlers: HandlerTable = {
  // `ref` may be a sha, a branch or a tag; an unknown one is a 422, not a 404.
  'repos/get-commit': async (ctx) => {
    const repo = requireRepo(ctx);
    const ref = ctx.params.ref ?? '';
    const sha = await repo.git.resolveCommit(ref);
    if (sha === undefined) throw new GitHubError(422, `No commit found for SHA: ${ref}`);
    const commit = (await repo.git.readCommit(sha))!;
    const files = await diffFiles(
      repo.git.git,
      commit.parents[0] ?? emptyTree,
      sha,
      commitFileLimit,
    );
    return { status: 200, body: renderCommit(ctx.world, repo, commit, { files }) };
  },
};
