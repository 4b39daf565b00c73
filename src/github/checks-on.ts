import type { ObservedCheck } from '../queue/types.js';
import { readGitHub } from './call-github.js';
import type { RepoContext } from './repo-context.js';
import {
  checkRunToObserved,
  sluiceCheckName,
  statusToObserved,
  type CheckRunFacts,
  type StatusFacts,
} from './to-observed-check.js';

/**
 * `filter=latest` already drops runs superseded by a re-run; two apps may still report the
 * same name, so the newest (highest id) is kept per name rather than trusting list order.
 */
export function latestPerName<Run extends CheckRunFacts>(runs: Run[]): Run[] {
  const latest = new Map<string, Run>();
  for (const run of runs) {
    const seen = latest.get(run.name);
    if (seen === undefined || run.id > seen.id) latest.set(run.name, run);
  }
  return [...latest.values()];
}

/** The check runs on a commit, the latest per name and app (GitHub's `filter=latest`). */
export async function listCheckRuns(ctx: RepoContext, sha: string) {
  return readGitHub(ctx, 'checks/list-for-ref', () =>
    ctx.octokit.paginate(ctx.octokit.rest.checks.listForRef, {
      owner: ctx.owner,
      repo: ctx.repo,
      ref: sha,
      filter: 'latest',
      per_page: 100,
    }),
  );
}

/**
 * The combined status is already the latest per context. Its `statuses` are paged, but the
 * answer is an object with a `url`, which `octokit.paginate` does not unwrap: page by hand.
 */
async function listStatuses(ctx: RepoContext, sha: string): Promise<StatusFacts[]> {
  return readGitHub(ctx, 'repos/get-combined-status-for-ref', async () => {
    const statuses: StatusFacts[] = [];
    for (let page = 1; ; page++) {
      const { data } = await ctx.octokit.rest.repos.getCombinedStatusForRef({
        owner: ctx.owner,
        repo: ctx.repo,
        ref: sha,
        per_page: 100,
        page,
      });
      statuses.push(...data.statuses);
      if (data.statuses.length === 0 || statuses.length >= data.total_count) return statuses;
    }
  });
}

/**
 * Sluice's own check run is left out: it reports on the queue, it is not CI. Commit statuses
 * are read only when some required check is not a check run (or none is required, when
 * every report counts): most CI reports check runs, and the call is then saved.
 */
export async function checksOn(
  ctx: RepoContext,
  sha: string,
  required: readonly string[] = [],
): Promise<ObservedCheck[]> {
  const runs = latestPerName(
    (await listCheckRuns(ctx, sha)).filter((run) => run.name !== sluiceCheckName),
  ).map(checkRunToObserved);
  const names = new Set(runs.map((run) => run.name));
  if (required.length > 0 && required.every((name) => names.has(name))) return runs;
  return [...runs, ...(await listStatuses(ctx, sha)).map(statusToObserved)];
}
