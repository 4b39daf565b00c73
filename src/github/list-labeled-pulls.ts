import type { ObservedPull } from '../queue/types.js';
import { readGitHub } from './call-github.js';
import { getPull } from './get-pull.js';
import type { RepoContext } from './repo-context.js';
import { isHeadWritable, toObservedPull } from './to-observed-pull.js';

/**
 * `pulls/list` filtered by base, labels matched here: one paginated call that carries head
 * SHAs and labels. (`issues/list-for-repo` can filter by label but has no head SHA, which
 * would cost a `pulls/get` per PR.) The list omits `maintainer_can_modify`, so only PRs from
 * forks are read once more to know whether their head is writable.
 */
export async function listLabeledPulls(
  ctx: RepoContext,
  base: string,
  label: string,
): Promise<ObservedPull[]> {
  const pulls = await readGitHub(ctx, 'pulls/list', () =>
    ctx.octokit.paginate(ctx.octokit.rest.pulls.list, {
      owner: ctx.owner,
      repo: ctx.repo,
      state: 'open',
      base,
      per_page: 100,
    }),
  );
  // Label names are case-insensitive on GitHub.
  const wanted = label.toLowerCase();
  const labeled = pulls.filter((pull) => pull.labels.some((l) => l.name.toLowerCase() === wanted));
  return Promise.all(
    labeled.map(async (pull) => {
      const fromFork = pull.head.repo !== null && !isHeadWritable(ctx, pull, false);
      const writable = fromFork
        ? ((await getPull(ctx, pull.number))?.pull.headWritable ?? false)
        : isHeadWritable(ctx, pull, false);
      return toObservedPull(pull, writable);
    }),
  );
}
