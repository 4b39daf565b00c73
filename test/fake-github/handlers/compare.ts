import type { HandlerContext, HandlerResult, HandlerTable } from './types.js';
import { requireRepo } from './types.js';
import { GitHubError, notFound } from '../http/github-error.js';
import { NoCommonAncestorError } from '../git/index.js';
import { paginate } from '../http/paginate.js';
import { renderComparison } from '../render/compare.js';

/** `owner:ref` names a ref of this repository when the owner is its own (cross-fork compares are not modelled). */
function localRef(ctx: HandlerContext, name: string): string {
  const colon = name.indexOf(':');
  if (colon === -1) return name;
  const owner = name.slice(0, colon);
  if (owner.toLowerCase() !== requireRepo(ctx).owner.login.toLowerCase()) throw notFound();
  return name.slice(colon + 1);
}

/**
 * Three-dot compare. Commits are paged only when the caller asks for a page (otherwise up to
 * 250, GitHub's cap); files are always the first 300.
 */
async function compare(ctx: HandlerContext, base: string, head: string): Promise<HandlerResult> {
  const repo = requireRepo(ctx);
  const [baseSha, headSha] = await Promise.all([
    repo.git.resolveCommit(localRef(ctx, base)),
    repo.git.resolveCommit(localRef(ctx, head)),
  ]);
  if (baseSha === undefined || headSha === undefined) throw notFound();
  try {
    const comparison = await repo.git.compare(baseSha, headSha);
    const [baseCommit, mergeBaseCommit] = await Promise.all([
      repo.git.readCommit(baseSha),
      repo.git.readCommit(comparison.mergeBase),
    ]);
    const paged = ctx.query.page !== undefined || ctx.query.per_page !== undefined;
    const page = paged
      ? paginate(comparison.commits, ctx.query, ctx.url)
      : { items: comparison.commits, link: undefined };
    const body = renderComparison(ctx.world, repo, {
      base,
      head,
      comparison: { ...comparison, commits: page.items },
      baseCommit: baseCommit!,
      mergeBaseCommit: mergeBaseCommit!,
    });
    return { status: 200, body, headers: page.link ? { link: page.link } : {} };
  } catch (error) {
    if (error instanceof NoCommonAncestorError)
      throw new GitHubError(404, `No common ancestor between ${base} and ${head}.`);
    throw error;
  }
}

export const compareHandlers: HandlerTable = {
  // `{basehead}` splits on the first `...`; either side may contain slashes.
  'repos/compare-commits-with-basehead': async (ctx) => {
    const basehead = ctx.params.basehead ?? '';
    const split = basehead.indexOf('...');
    if (split === -1) throw notFound();
    return compare(ctx, basehead.slice(0, split), basehead.slice(split + 3));
  },

  // The deprecated `repos/compare-commits` alias needs no handler: its URLs are
  // byte-identical to these, so the router always sends them here.
};
