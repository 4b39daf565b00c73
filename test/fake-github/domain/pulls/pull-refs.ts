import type { Account, RepoState } from '../../world/types.js';
import type { Services } from '../../world/services.js';
import { zeroSha } from '../../events/ref-hub.js';

/**
 * GitHub's own refs for a PR in the base repository: `refs/pull/N/head` (the head commit,
 * fetched from the fork when there is one) and `refs/pull/N/merge` (the test merge). They are
 * forced, never fast-forward-checked, and reported like any other ref move (no push webhook).
 */
export async function writePullRef(
  services: Services,
  input: { repo: RepoState; ref: string; sha: string | null; pusher: Account },
): Promise<void> {
  const { git } = input.repo;
  const before = await git.resolveRef(input.ref);
  if (before === (input.sha ?? undefined)) return;
  if (input.sha === null) await git.deleteRef(input.ref);
  else if (before === undefined) await git.createRef(input.ref, input.sha);
  else await git.updateRef(input.ref, input.sha, { force: true });
  await services.refs.refsChanged({
    repo: input.repo,
    changes: [
      { ref: input.ref, before: before ?? zeroSha, after: input.sha ?? zeroSha, forced: true },
    ],
    pusher: input.pusher,
  });
}

/** Copies a fork's head commit (and its history) into the base repository's object store. */
export async function fetchFromFork(base: RepoState, fork: RepoState, sha: string): Promise<void> {
  if (await base.git.resolveCommit(sha)) return;
  await base.git.git([
    'fetch',
    '--no-tags',
    '--no-write-fetch-head',
    '--quiet',
    fork.git.gitDir,
    sha,
  ]);
}

/** Points `refs/pull/N/head` in the base repository at the PR's head commit. */
export async function syncPullHeadRef(
  services: Services,
  input: { base: RepoState; headRepo: RepoState; number: number; sha: string; pusher: Account },
): Promise<void> {
  if (input.headRepo !== input.base) await fetchFromFork(input.base, input.headRepo, input.sha);
  await writePullRef(services, {
    repo: input.base,
    ref: `refs/pull/${input.number}/head`,
    sha: input.sha,
    pusher: input.pusher,
  });
}
