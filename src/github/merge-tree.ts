import type { RefWrite, StagingMerge, StagingMerges } from './port.js';
import { getCommit } from './commit-reads.js';
import { branchSha } from './repository-facts.js';
import { setBranchAt } from './ref-writes.js';
import type { RepoContext } from './repo-context.js';
import { writeOnce } from './repo-context.js';
import { requestFailure } from './request-failure.js';
import { withOperation } from './request-operation.js';

const fullSha = /^[0-9a-f]{40}$/i;

function describe(write: Exclude<RefWrite, { kind: 'ok' }>): string {
  return write.kind === 'missing' ? 'missing' : write.message;
}

/** `POST /merges` of one head into the scratch branch: the new tree, null when nothing changed. */
async function mergeInto(
  ctx: RepoContext,
  scratch: string,
  head: string,
): Promise<{ tree: string | null } | StagingMerge> {
  try {
    const answer = await withOperation('repos/merge', () =>
      ctx.octokit.rest.repos.merge({
        owner: ctx.owner,
        repo: ctx.repo,
        base: scratch,
        head,
        commit_message: `Merge ${head} into ${scratch}`,
        request: writeOnce,
      }),
    );
    // 201 is a new merge commit; 204 means the branch already contains the head.
    return { tree: answer.status === 201 ? answer.data.commit.tree.sha : null };
  } catch (error) {
    const { status, message } = requestFailure(error);
    if (status === 409) return { kind: 'conflict' };
    return { kind: 'unknown', message: `merging ${head}: ${status} ${message}` };
  }
}

/**
 * The git data API has no server-side merge, so GitHub merges for us into a scratch branch:
 * force it to `base` (a commit or a branch), then `POST /merges` each head in order. The
 * scratch branch is left in place for reuse; the orchestrator deletes it when idle.
 */
export async function mergeTree(
  ctx: RepoContext,
  base: string,
  heads: string[],
  scratchRef: string,
): Promise<StagingMerge> {
  const merges = await mergeTrees(ctx, base, heads, scratchRef);
  if (merges.stop) return merges.stop;
  const treeSha = merges.trees.at(-1) ?? (await getCommit(ctx, merges.baseSha!)).tree;
  return { kind: 'clean', treeSha };
}

/**
 * As `mergeTree`, with the tree after each head (null where the head changed nothing), up to
 * the first that does not merge: a staging of several PRs is merged in one pass — one reset
 * of the scratch branch, one merge per PR — instead of a reset per PR. Each head is merged
 * into the merge of those before it; its tree is what squashing it onto their squashes gives.
 */
export async function mergeTrees(
  ctx: RepoContext,
  base: string,
  heads: string[],
  scratchRef: string,
): Promise<StagingMerges> {
  const baseSha = fullSha.test(base) ? base : await branchSha(ctx, base);
  if (baseSha === undefined)
    return {
      baseSha,
      trees: [],
      stop: { kind: 'unknown', message: `base ${base} does not exist` },
    };
  const target = { owner: ctx.owner, repo: ctx.repo, branch: scratchRef };
  const reset = await setBranchAt(ctx, target, baseSha, { force: true });
  if (reset.kind !== 'ok') {
    const message = `resetting ${scratchRef}: ${describe(reset)}`;
    return { baseSha, trees: [], stop: { kind: 'unknown', message } };
  }
  const trees: (string | null)[] = [];
  for (const head of heads) {
    const merged = await mergeInto(ctx, scratchRef, head);
    if ('kind' in merged) {
      ctx.log?.debug({ scratchRef, head, outcome: merged.kind }, 'staging merge stopped');
      return { baseSha, trees, stop: merged as Exclude<StagingMerge, { kind: 'clean' }> };
    }
    trees.push(merged.tree);
  }
  return { baseSha, trees, stop: null };
}
