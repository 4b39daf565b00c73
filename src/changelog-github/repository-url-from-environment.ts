import { parseRepositoryUrl } from '../changelog/repository-links.js';
import { tryGit } from '../git-history/run-git.js';

/**
 * The repository's web address for CHANGELOG.md's links, outside the Action: the Actions
 * variables when set (`GITHUB_SERVER_URL`/`GITHUB_REPOSITORY`), else the `origin` remote
 * when it is on github.com. Another host may or may not be a GitHub Enterprise Server, so
 * its links are never guessed: `--repo-url` says it.
 */
export async function repositoryUrlFromEnvironment(
  repoDir: string,
  env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY) {
    return parseRepositoryUrl(`${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`);
  }
  const remote = await tryGit(repoDir, ['remote', 'get-url', 'origin']);
  return remote === undefined ? undefined : githubWebUrlOfRemote(remote);
}

/**
 * `https://github.com/owner/repo` for a github.com remote in any form git takes (HTTPS with
 * or without credentials, `git@github.com:owner/repo.git`, `ssh://`, `git://`); else none.
 */
export function githubWebUrlOfRemote(remote: string): string | undefined {
  const text = remote.trim();
  // scp-like syntax: `[user@]github.com:owner/repo.git`.
  const scp = /^(?:[\w.-]+@)?github\.com:(?<path>[^/].*)$/.exec(text)?.groups?.path;
  let path = scp;
  if (path === undefined) {
    try {
      const url = new URL(text);
      if (url.hostname.toLowerCase() !== 'github.com') return undefined;
      path = url.pathname;
    } catch {
      return undefined;
    }
  }
  const match = /^\/?(?<owner>[\w.-]+)\/(?<repo>[\w.-]+?)(?:\.git)?\/?$/.exec(path);
  const { owner, repo } = match?.groups ?? {};
  return owner && repo ? `https://github.com/${owner}/${repo}` : undefined;
}
