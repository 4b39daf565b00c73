import type { HandlerContext, HandlerTable } from './types.js';
import { requireRepo } from './types.js';
import { GitHubError, notFound } from '../http/github-error.js';
import {
  InvalidRefNameError,
  NotFastForwardError,
  ObjectNotFoundError,
  RefExistsError,
  RefNotFoundError,
  RefRaceError,
  ZERO_SHA,
} from '../git/index.js';
import { renderGitRef } from '../render/git-objects.js';
import { actingAccount } from '../domain/pulls/acting-account.js';
import { assertDeletable, assertProtectedPushAllowed } from '../domain/pulls/protected-push.js';
import { assertMayWriteWorkflows } from '../auth/workflow-changes.js';
import { created } from './created.js';

/** git's refusals in GitHub's words; anything else is a stand-in bug and stays a 500. */
function asGitHubError(error: unknown, ref: string): unknown {
  if (error instanceof RefExistsError) return new GitHubError(422, 'Reference already exists');
  if (error instanceof RefNotFoundError) return new GitHubError(422, 'Reference does not exist');
  if (error instanceof NotFastForwardError)
    return new GitHubError(422, 'Update is not a fast forward');
  // A concurrent push won: GitHub refuses rather than overwrite (message: verify).
  if (error instanceof RefRaceError) return new GitHubError(422, 'Reference cannot be updated');
  if (error instanceof ObjectNotFoundError) return new GitHubError(422, 'Object does not exist');
  if (error instanceof InvalidRefNameError)
    return new GitHubError(422, `${ref} is not a valid ref name.`);
  return error;
}

async function refWrite<T>(ref: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw asGitHubError(error, ref);
  }
}

/** The read/update/delete paths take `heads/x`; `refs/heads/x` there names `refs/refs/heads/x`, which never exists. */
function fullRef(ctx: HandlerContext): string {
  return `refs/${ctx.params.ref ?? ''}`;
}

async function reportMove(
  ctx: HandlerContext,
  change: { ref: string; before: string; after: string; forced?: boolean },
): Promise<void> {
  await ctx.refs.refsChanged({
    repo: requireRepo(ctx),
    changes: [change],
    pusher: actingAccount(ctx.caller),
  });
}

export const gitRefHandlers: HandlerTable = {
  'git/get-ref': async (ctx) => {
    const repo = requireRepo(ctx);
    const ref = (await repo.git.listRefs(fullRef(ctx))).find((r) => r.ref === fullRef(ctx));
    if (!ref) throw notFound();
    return { status: 200, body: renderGitRef(ctx.world, repo, ref) };
  },

  // A plain string prefix: `heads/feat` matches `heads/feature-1`; no match is an empty list.
  'git/list-matching-refs': async (ctx) => {
    const repo = requireRepo(ctx);
    const refs = await repo.git.listRefs(fullRef(ctx));
    return { status: 200, body: refs.map((ref) => renderGitRef(ctx.world, repo, ref)) };
  },

  'git/create-ref': async (ctx) => {
    const repo = requireRepo(ctx);
    const { ref, sha } = ctx.body as { ref: string; sha: string };
    if (!ref.startsWith('refs/') || ref.split('/').length < 3) {
      throw new GitHubError(
        422,
        'Reference name must contain at least three slash-separated components.',
      );
    }
    if ((await repo.git.resolveCommit(sha)) === undefined)
      throw new GitHubError(422, 'Object does not exist');
    await assertMayWriteWorkflows(ctx.caller, repo, { ref, old: undefined, next: sha });
    await refWrite(ref, () => repo.git.createRef(ref, sha));
    await reportMove(ctx, { ref, before: ZERO_SHA, after: sha });
    const createdRef = (await repo.git.listRefs(ref)).find((r) => r.ref === ref)!;
    return created(renderGitRef(ctx.world, repo, createdRef));
  },

  'git/update-ref': async (ctx) => {
    const repo = requireRepo(ctx);
    const ref = fullRef(ctx);
    const { sha, force = false } = ctx.body as { sha: string; force?: boolean };
    const before = await repo.git.resolveRef(ref);
    if (before === undefined) throw new GitHubError(422, 'Reference does not exist');
    if ((await repo.git.resolveCommit(sha)) === undefined)
      throw new GitHubError(422, 'Object does not exist');
    const fastForward = await repo.git.isAncestor(before, sha);
    if (!fastForward && !force) throw new GitHubError(422, 'Update is not a fast forward');
    assertProtectedPushAllowed(repo, { ref, sha, fastForward });
    await assertMayWriteWorkflows(ctx.caller, repo, { ref, old: before, next: sha });
    await ctx.race();
    // Compare-and-swap on what was read above: a push in between loses nothing.
    await refWrite(ref, () => repo.git.updateRef(ref, sha, { expectedOld: before, force: true }));
    await reportMove(ctx, { ref, before, after: sha, forced: !fastForward });
    const updated = (await repo.git.listRefs(ref)).find((r) => r.ref === ref)!;
    return { status: 200, body: renderGitRef(ctx.world, repo, updated) };
  },

  'git/delete-ref': async (ctx) => {
    const repo = requireRepo(ctx);
    const ref = fullRef(ctx);
    const before = await repo.git.resolveRef(ref);
    if (before === undefined) throw new GitHubError(422, 'Reference does not exist');
    assertDeletable(repo, ref);
    await ctx.race();
    await refWrite(ref, () => repo.git.deleteRef(ref, { expectedOld: before }));
    await reportMove(ctx, { ref, before, after: ZERO_SHA });
    return { status: 204 };
  },
};
