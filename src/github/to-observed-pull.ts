import type { ObservedPull } from '../queue/types.js';
import type { RepoContext } from './repo-context.js';

/** The fields shared by `pulls/get` (pull-request) and `pulls/list` (pull-request-simple). */
export interface PullFields {
  number: number;
  state: string;
  merged_at: string | null;
  draft?: boolean;
  title: string;
  body: string | null;
  user: { login: string } | null;
  head: { sha: string; ref: string; repo: { full_name: string } | null };
  base: { ref: string };
  labels: { name?: string }[];
}

/**
 * Sluice may move the head: it lives in this repository, or in a fork whose author allowed
 * maintainer edits. A deleted fork (`head.repo: null`) cannot be written.
 */
export function isHeadWritable(
  ctx: RepoContext,
  pull: PullFields,
  maintainerCanModify: boolean,
): boolean {
  return canWriteHead(ctx, pull.head.repo?.full_name ?? null, maintainerCanModify);
}

/** The same rule for any shape of PR read: REST's `head.repo`, GraphQL's `headRepository`. */
export function canWriteHead(
  ctx: Pick<RepoContext, 'owner' | 'repo'>,
  headRepo: string | null,
  maintainerCanModify: boolean,
): boolean {
  if (headRepo === null) return false;
  return headRepo.toLowerCase() === `${ctx.owner}/${ctx.repo}`.toLowerCase() || maintainerCanModify;
}

/**
 * Approvals and requested changes are left at 0/false: they come from `reviewState`, which
 * costs a request per PR, so the orchestrator asks only for the PRs it acts on.
 */
export function toObservedPull(pull: PullFields, headWritable: boolean): ObservedPull {
  return {
    number: pull.number,
    state: pull.state === 'open' ? 'open' : 'closed',
    merged: pull.merged_at !== null,
    draft: pull.draft ?? false,
    title: pull.title,
    body: pull.body ?? '',
    // A deleted account shows as `user: null`; GitHub renders it as "ghost".
    author: pull.user?.login ?? 'ghost',
    headSha: pull.head.sha,
    headRef: pull.head.ref,
    headRepo: pull.head.repo?.full_name ?? null,
    headWritable,
    baseRef: pull.base.ref,
    labels: pull.labels.flatMap((label) => (label.name === undefined ? [] : [label.name])),
    approvals: 0,
    changesRequested: false,
  };
}
