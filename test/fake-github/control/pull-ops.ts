import type { RepoState } from '../world/types.js';
import type { Services } from '../world/services.js';
import type { PullIssue } from '../render/pull-request.js';
import { openPull } from '../domain/pulls/open-pull.js';
import { closePull, reopenPull, setPullDraft } from '../domain/pulls/change-pull-state.js';
import { editPull } from '../domain/pulls/edit-pull.js';
import { mergePull } from '../domain/pulls/merge-pull.js';
import type { MergeMethod } from '../domain/pulls/merge-commit.js';
import { headRepoOf, requirePull } from '../domain/pulls/pull-record.js';
import { pushCommits, seedForkFromParent, type CommitSpec } from '../domain/pulls/push-commits.js';
import { snapshotPull, type PullSnapshot } from '../domain/pulls/pull-snapshot.js';

export type { PullSnapshot } from '../domain/pulls/pull-snapshot.js';
export type { CommitSpec } from '../domain/pulls/push-commits.js';

/** A repository by state or `owner/name`. */
export type RepoRef = RepoState | string;

const repoOf = (services: Services, repo: RepoRef): RepoState =>
  typeof repo === 'string' ? services.world.requireRepo(repo) : repo;

export interface OpenPullRequestInput {
  repo: RepoRef;
  author: string;
  /** Head branch; created from `base` with `commits` when it does not exist yet. */
  branch: string;
  commits?: CommitSpec[];
  base?: string;
  title?: string;
  body?: string;
  draft?: boolean;
  /** Open from this fork of `repo` (created beforehand with `createRepo({ parent })`). */
  fork?: RepoRef;
  maintainerCanModify?: boolean;
}

/** Opens a PR as a person would: push the head branch, then open it (webhooks as via REST). */
export async function openPullRequest(
  services: Services,
  input: OpenPullRequestInput,
): Promise<PullIssue> {
  const repo = repoOf(services, input.repo);
  const headRepo = input.fork ? repoOf(services, input.fork) : repo;
  if (headRepo !== repo) await seedForkFromParent(services, headRepo);
  const author = services.world.account(input.author);
  const base = input.base ?? repo.defaultBranch;
  if (input.commits?.length || !(await headRepo.git.resolveRef(`refs/heads/${input.branch}`))) {
    await pushCommits(services, {
      repo: headRepo,
      branch: input.branch,
      by: author,
      commits: input.commits ?? [],
      from: base,
    });
  }
  return openPull(services, {
    repo,
    headRepo,
    head: input.branch,
    base,
    title: input.title ?? input.commits?.[0]?.message ?? input.branch,
    body: input.body,
    draft: input.draft,
    maintainerCanModify: input.maintainerCanModify,
    author,
  });
}

export interface PullTarget {
  repo: RepoRef;
  number: number;
  /** Who acts; defaults to the PR author. */
  by?: string;
}

function target(services: Services, input: PullTarget) {
  const repo = repoOf(services, input.repo);
  const issue = requirePull(repo, input.number);
  return { repo, issue, by: input.by ? services.world.account(input.by) : issue.user };
}

/** Pushes commits to the PR's head branch (in its fork if any): `push`, then `pull_request.synchronize`. Returns the new head. */
export async function pushToPullRequest(
  services: Services,
  input: PullTarget & { commits: CommitSpec[] },
): Promise<string> {
  const { repo, issue, by } = target(services, input);
  const headRepo = headRepoOf(services.world, repo, issue);
  if (!headRepo) throw new Error(`fake-github: the head repository of #${issue.number} is gone`);
  return pushCommits(services, {
    repo: headRepo,
    branch: issue.pull.headRef,
    by,
    commits: input.commits,
  });
}

export async function closePullRequest(services: Services, input: PullTarget): Promise<void> {
  await closePull(services, target(services, input));
}

export async function reopenPullRequest(services: Services, input: PullTarget): Promise<void> {
  await reopenPull(services, target(services, input));
}

export async function markReadyForReview(services: Services, input: PullTarget): Promise<void> {
  await setPullDraft(services, { ...target(services, input), draft: false });
}

export async function convertToDraft(services: Services, input: PullTarget): Promise<void> {
  await setPullDraft(services, { ...target(services, input), draft: true });
}

export async function retargetPullRequest(
  services: Services,
  input: PullTarget & { base: string },
): Promise<void> {
  await editPull(services, { ...target(services, input), edit: { base: input.base } });
}

/** A person clicks "merge": same rules and webhooks as `PUT pulls/N/merge`. */
export async function mergePullRequest(
  services: Services,
  input: PullTarget & { method?: MergeMethod; sha?: string },
): Promise<string> {
  const { sha } = await mergePull(services, {
    ...target(services, input),
    method: input.method ?? 'squash',
    sha: input.sha,
  });
  return sha;
}

/** The PR as the stand-in holds it, without advancing mergeability (unlike a REST read). */
export function readPullRequest(
  services: Services,
  input: { repo: RepoRef; number: number },
): PullSnapshot {
  return snapshotPull(target(services, input).issue);
}
