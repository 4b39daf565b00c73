import type { TitleLookup } from '../changelog/index.js';
import type { ExtendsReader } from '../config/index.js';
import { readGitHubRepository } from '../git-history/index.js';
import { createLazyTitleLookup } from './lazy-title-lookup.js';
import type { GitHubRepository } from './octokit-title-lookup.js';

/**
 * The CLI's lookup: a token from `GITHUB_TOKEN` (or `GH_TOKEN`), the repository from
 * `GITHUB_REPOSITORY` or the `origin` remote. Without either it works offline.
 */
export async function titleLookupFromEnvironment(
  repoDir: string,
  env: NodeJS.ProcessEnv,
): Promise<TitleLookup | undefined> {
  const repository = await repositoryFromEnvironment(repoDir, env);
  return repository && createLazyTitleLookup(repository);
}

/** The CLI's reader for a config's `_extends`, found as the title lookup finds its repository. */
export async function extendsReaderFromEnvironment(
  repoDir: string,
  env: NodeJS.ProcessEnv,
): Promise<ExtendsReader | undefined> {
  const repository = await repositoryFromEnvironment(repoDir, env);
  if (!repository) return undefined;
  const { createOctokitExtendsReader } = await import('./octokit-extends-reader.js');
  return createOctokitExtendsReader(repository);
}

async function repositoryFromEnvironment(
  repoDir: string,
  env: NodeJS.ProcessEnv,
): Promise<GitHubRepository | undefined> {
  const token = env.GITHUB_TOKEN || env.GH_TOKEN;
  if (!token) return undefined;
  const [owner, repo] = env.GITHUB_REPOSITORY?.split('/') ?? [];
  const repository = owner && repo ? { owner, repo } : await readGitHubRepository(repoDir);
  return repository && { ...repository, token, baseUrl: env.GITHUB_API_URL };
}
