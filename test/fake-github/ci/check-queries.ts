import type { CheckRun, CheckSuite, RepoState } from '../world/types.js';
import { GitHubError } from '../http/github-error.js';
import { latestCheckRuns } from '../domain/check-suites.js';

export interface CheckRunQuery {
  checkName?: string;
  status?: string;
  appId?: number;
  /** GitHub's default is `latest`. */
  filter?: 'latest' | 'all';
}

/** `list-for-ref` / `list-for-suite` filtering, newest first. */
export function queryCheckRuns(runs: CheckRun[], query: CheckRunQuery): CheckRun[] {
  const pool = query.filter === 'all' ? runs : latestCheckRuns(runs);
  return pool
    .filter((run) => query.checkName === undefined || run.name === query.checkName)
    .filter((run) => query.status === undefined || run.status === query.status)
    .filter((run) => query.appId === undefined || run.appId === query.appId)
    .sort((a, b) => b.id - a.id);
}

export function querySuites(
  repo: RepoState,
  sha: string,
  query: { appId?: number; checkName?: string },
): CheckSuite[] {
  return [...repo.checkSuites.values()]
    .filter((suite) => suite.headSha === sha)
    .filter((suite) => query.appId === undefined || suite.appId === query.appId)
    .filter(
      (suite) =>
        query.checkName === undefined ||
        [...repo.checkRuns.values()].some(
          (run) => run.suiteId === suite.id && run.name === query.checkName,
        ),
    )
    .sort((a, b) => a.id - b.id);
}

/** A sha, branch or tag, as the checks and statuses endpoints accept; unknown refs are refused (message verify). */
export async function resolveCommitRef(
  repo: RepoState,
  ref: string,
  status: 404 | 422,
): Promise<string> {
  const sha = await repo.git.resolveCommit(ref);
  if (sha === undefined) throw new GitHubError(status, `No commit found for SHA: ${ref}`);
  return sha;
}
