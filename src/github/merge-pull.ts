import type { MergeResult } from './port.js';
import type { RepoContext } from './repo-context.js';
import { writeOnce } from './repo-context.js';
import { isUnknownOutcome, requestFailure } from './request-failure.js';
import { withOperation } from './request-operation.js';

/**
 * 405 covers "not mergeable", "Base branch was modified" and a disallowed method; 409 is
 * "Head branch was modified" (the pinned `sha` is no longer the head); 5xx or no answer means
 * the merge may have happened, so the orchestrator re-reads the PR before anything else.
 */
export function mergeOutcome(error: unknown): MergeResult {
  const failure = requestFailure(error);
  if (isUnknownOutcome(failure)) return { kind: 'unknown', message: failure.message };
  if (failure.status === 405) return { kind: 'not-mergeable', message: failure.message };
  if (failure.status === 409) return { kind: 'head-moved', message: failure.message };
  return { kind: 'refused', status: failure.status ?? 0, message: failure.message };
}

/** A squash of exactly the head `sha`, with our subject and body; never retried here. */
export async function mergePull(
  ctx: RepoContext,
  number: number,
  input: { sha: string; title: string; message: string },
): Promise<MergeResult> {
  const outcome = await withOperation('pulls/merge', () =>
    ctx.octokit.rest.pulls.merge({
      owner: ctx.owner,
      repo: ctx.repo,
      pull_number: number,
      merge_method: 'squash',
      sha: input.sha,
      commit_title: input.title,
      commit_message: input.message,
      request: writeOnce,
    }),
  ).then(
    ({ data }): MergeResult =>
      data.merged
        ? { kind: 'merged', sha: data.sha }
        : { kind: 'not-mergeable', message: data.message },
    mergeOutcome,
  );
  ctx.log?.debug({ number, sha: input.sha, outcome: outcome.kind }, 'merge pull request');
  return outcome;
}
