import type { HandlerTable } from './types.js';
import { requireRepo } from './types.js';
import { GitHubError } from '../http/github-error.js';
import { RefRaceError } from '../git/index.js';
import { renderCommit } from '../render/commit.js';
import { actingAccount } from '../domain/pulls/acting-account.js';
import { githubCommitter } from '../domain/pulls/github-identity.js';
import { assertProtectedPushAllowed } from '../domain/pulls/protected-push.js';
import { created } from './created.js';

export const mergeHandlers: HandlerTable = {
  /**
   * `POST /merges`: 204 when base already contains head, 409 on conflict, else always a new
   * merge commit (never a fast-forward, verify) moved onto base with a compare-and-swap.
   */
  'repos/merge': async (ctx) => {
    const repo = requireRepo(ctx);
    const body = ctx.body as { base: string; head: string; commit_message?: string };
    const ref = `refs/heads/${body.base}`;
    const baseTip = await repo.git.resolveRef(ref);
    if (baseTip === undefined) throw new GitHubError(404, 'Base does not exist');
    const headSha = await repo.git.resolveCommit(body.head);
    if (headSha === undefined) throw new GitHubError(404, 'Head does not exist');
    if (await repo.git.isAncestor(headSha, baseTip)) return { status: 204 };
    const merged = await repo.git.mergeTrees(baseTip, headSha);
    if (merged.kind !== 'clean') throw new GitHubError(409, 'Merge conflict');
    const me = actingAccount(ctx.caller);
    const date = ctx.world.clock.tick();
    const sha = await repo.git.createCommit({
      tree: merged.tree,
      parents: [baseTip, headSha],
      message: body.commit_message ?? `Merge ${body.head} into ${body.base}`,
      author: { name: me.name, email: me.email, date },
      committer: { ...githubCommitter, date },
    });
    assertProtectedPushAllowed(repo, { ref, sha, fastForward: true });
    await ctx.race();
    try {
      await repo.git.updateRef(ref, sha, { expectedOld: baseTip });
    } catch (error) {
      if (error instanceof RefRaceError) throw new GitHubError(422, 'Reference cannot be updated');
      throw error;
    }
    await ctx.refs.refsChanged({
      repo,
      changes: [{ ref, before: baseTip, after: sha }],
      pusher: me,
    });
    return created(renderCommit(ctx.world, repo, (await repo.git.readCommit(sha))!));
  },
};
