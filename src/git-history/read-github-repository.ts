import { tryGit } from './run-git.js';

/**
 * `owner/repo` of the `origin` remote, for fetching titles outside Actions (where
 * `GITHUB_REPOSITORY` says it). Understands HTTPS and SSH remote URLs.
 */
export async function readGitHubRepository(
  repoDir: string,
): Promise<{ owner: string; repo: string } | undefined> {
  const url = (await tryGit(repoDir, ['remote', 'get-url', 'origin']))?.trim();
  const match = /[:/](?<owner>[\w.-]+)\/(?<repo>[\w.-]+?)(?:\.git)?\/?$/.exec(url ?? '');
  const { owner, repo } = match?.groups ?? {};
  return owner && repo ? { owner, repo } : undefined;
}
