import type { TitleLookup } from '../changelog/index.js';
import { readGitHubRepository } from '../git-history/index.js';
import type { GitHubRepository } from './octokit-title-lookup.js';

/**
 * A TitleLookup that imports Octokit on its first question: most ranges have no bare id,
 * and `sluice changelog` should not pay Octokit's import time for nothing.
 */
export function createLazyTitleLookup(repository: GitHubRepository): TitleLookup {
  let lookup: Promise<TitleLookup> | undefined;
  return {
    async titleOf(number) {
      lookup ??= import('./octokit-title-lookup.js').then((module) =>
        module.createOctokitTitleLookup(repository),
      );
      return (await lookup).titleOf(number);
    },
  };
}

/**
 * The CLI's lookup: a token from `GITHUB_TOKEN` (or `GH_TOKEN`), the repository from
 * `GITHUB_REPOSITORY` or the `origin` remote. Without either it works offline.
 */
export async function titleLookupFromEnvironment(
  repoDir: string,
  env: NodeJS.ProcessEnv,
): Promise<TitleLookup | undefined> {
  const token = env.GITHUB_TOKEN || env.GH_TOKEN;
  if (!token) return undefined;
  const [owner, repo] = env.GITHUB_REPOSITORY?.split('/') ?? [];
  const repository = owner && repo ? { owner, repo } : await readGitHubRepository(repoDir);
  if (!repository) return undefined;
  return createLazyTitleLookup({ ...repository, token, baseUrl: env.GITHUB_API_URL });
}
