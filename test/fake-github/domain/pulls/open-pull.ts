import type { Account, RepoState } from '../../world/types.js';
import type { Services } from '../../world/services.js';
import type { PullIssue } from '../../render/pull-request.js';
import { emitPullEvent } from './emit-pull-event.js';
import { fetchFromFork, syncPullHeadRef } from './pull-refs.js';
import { listPulls, newIssue, newPullState } from './pull-record.js';
import { invalidPullField, pullValidationError } from './pull-errors.js';

export interface OpenPullInput {
  /** The base repository, where the PR lives. */
  repo: RepoState;
  /** Where the head branch is: the base repository or a fork of it. */
  headRepo: RepoState;
  head: string;
  base: string;
  title: string;
  body?: string | null;
  draft?: boolean;
  maintainerCanModify?: boolean;
  author: Account;
}

/** `owner:branch`, as GitHub names a head in messages and in `head.label`. */
function headLabel(input: OpenPullInput): string {
  return `${input.headRepo.owner.login}:${input.head}`;
}

/** GitHub's refusals, in its order: unknown branches, a duplicate PR, nothing to merge. */
async function validate(input: OpenPullInput): Promise<{ headSha: string; baseSha: string }> {
  const baseSha = await input.repo.git.resolveRef(`refs/heads/${input.base}`);
  if (baseSha === undefined) throw invalidPullField('base');
  const headSha = await input.headRepo.git.resolveRef(`refs/heads/${input.head}`);
  if (headSha === undefined) throw invalidPullField('head');
  const duplicate = listPulls(input.repo).find(
    (p) =>
      p.state === 'open' &&
      p.pull.headRepo?.toLowerCase() === input.headRepo.fullName.toLowerCase() &&
      p.pull.headRef === input.head &&
      p.pull.baseRef === input.base,
  );
  if (duplicate)
    throw pullValidationError(`A pull request already exists for ${headLabel(input)}.`);
  if (input.headRepo !== input.repo) await fetchFromFork(input.repo, input.headRepo, headSha);
  if ((await input.repo.git.mergeBase(baseSha, headSha)) === undefined) {
    throw pullValidationError(
      `The ${input.head} branch has no history in common with ${input.base}`,
    );
  }
  if (await input.repo.git.isAncestor(headSha, baseSha))
    throw pullValidationError(`No commits between ${input.base} and ${input.head}`);
  return { headSha, baseSha };
}

/** Opens a PR (REST `POST /pulls` and the harness): `refs/pull/N/head`, then `pull_request.opened`. */
export async function openPull(services: Services, input: OpenPullInput): Promise<PullIssue> {
  const { headSha, baseSha } = await validate(input);
  const { world } = services;
  const now = world.clock.tick();
  const issue: PullIssue = {
    ...newIssue(world, input.repo, {
      title: input.title,
      body: input.body ?? null,
      author: input.author,
      at: now,
    }),
    pull: newPullState({
      headRepo: input.headRepo.fullName,
      headRef: input.head,
      headSha,
      baseRef: input.base,
      baseSha,
      draft: input.draft ?? false,
      maintainerCanModify: input.headRepo !== input.repo && (input.maintainerCanModify ?? true),
    }),
  };
  input.repo.issues.set(issue.number, issue);
  await syncPullHeadRef(services, {
    base: input.repo,
    headRepo: input.headRepo,
    number: issue.number,
    sha: headSha,
    pusher: input.author,
  });
  await emitPullEvent(services, {
    repo: input.repo,
    issue,
    action: 'opened',
    sender: input.author,
  });
  return issue;
}
