import type { Account, RepoState } from '../../world/types.js';
import type { Services } from '../../world/services.js';
import { ZERO_SHA } from '../../git/index.js';

export interface CommitSpec {
  message: string;
  /** Path -> new content; null deletes it. */
  files: Record<string, string | null>;
}

/**
 * A developer pushes commits to a branch (created from `from` when missing): the commits are
 * written one by one, then the whole move is reported as one push, as `git push` would.
 */
export async function pushCommits(
  services: Services,
  input: { repo: RepoState; branch: string; by: Account; commits: CommitSpec[]; from?: string },
): Promise<string> {
  const { repo, branch, by } = input;
  const ref = `refs/heads/${branch}`;
  const before = await repo.git.resolveRef(ref);
  if (before === undefined) {
    const start = await repo.git.resolveCommit(input.from ?? repo.defaultBranch);
    if (start === undefined)
      throw new Error(
        `fake-github: cannot branch ${branch} from ${input.from ?? repo.defaultBranch} in ${repo.fullName}`,
      );
    await repo.git.createRef(ref, start);
  }
  let after = (await repo.git.resolveRef(ref))!;
  for (const commit of input.commits) {
    const result = await repo.git.commitFiles({
      branch,
      files: commit.files,
      message: commit.message,
      author: { name: by.name, email: by.email },
      date: services.world.clock.tick(),
    });
    after = result.sha;
  }
  await services.refs.refsChanged({
    repo,
    changes: [{ ref, before: before ?? ZERO_SHA, after }],
    pusher: by,
  });
  return after;
}

/** A fresh fork holds its parent's branches, as GitHub's fork does at creation. */
export async function seedForkFromParent(services: Services, fork: RepoState): Promise<void> {
  if (!fork.parent) throw new Error(`fake-github: ${fork.fullName} is not a fork`);
  if ((await fork.git.listRefs('refs/heads/')).length > 0) return;
  const parent = services.world.requireRepo(fork.parent);
  await fork.git.git([
    'fetch',
    '--no-tags',
    '--quiet',
    parent.git.gitDir,
    '+refs/heads/*:refs/heads/*',
  ]);
}
