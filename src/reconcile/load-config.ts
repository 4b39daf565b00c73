import { orgDefaultsRepo, resolveConfigText, type ResolveConfigResult } from '../config/index.js';
import type { RepoGitHub } from '../github/port.js';

export const configPath = '.github/sluice.yml';

/**
 * Reads `.github/sluice.yml` from the default branch only — a pull request cannot loosen its
 * own gate — following Probot's `_extends` to org-wide defaults (`owner/.github` or any repo
 * of the same owner). As Probot's `context.config()` does, a repository without the file
 * takes the one in its owner's `.github` repository; without either, the defaults apply.
 */
export async function loadConfig(github: RepoGitHub, ref?: string): Promise<ResolveConfigResult> {
  const branch = ref ?? (await github.defaultBranch());
  const text = await github.readFile(configPath, branch);
  return resolve(github, text);
}

/**
 * Validates config text as if it were on the default branch (following its `_extends`);
 * `undefined` is a repository without the file, which the org-wide one stands in for.
 * `prefetched.orgText` is that org-wide file when it was read already (the landing view reads
 * it in the same request): it is not read again.
 */
export function loadConfigText(
  github: RepoGitHub,
  text: string | undefined,
  prefetched: { orgText?: string | undefined } = {},
): Promise<ResolveConfigResult> {
  return resolve(github, text, 'orgText' in prefetched ? prefetched : undefined);
}

function resolve(
  github: RepoGitHub,
  text: string | undefined,
  prefetched?: { orgText?: string | undefined },
): Promise<ResolveConfigResult> {
  const readFileIn = (repo: string, path: string) =>
    prefetched && repo.toLowerCase() === orgDefaultsRepo && path === configPath
      ? Promise.resolve(prefetched.orgText)
      : github.readFileIn(repo, path);
  return resolveConfigText(text, {
    path: `${github.owner}/${github.repo}:${configPath}`,
    configPath,
    reader: { owner: github.owner, readFileIn },
    offlineFix: 'The app always reads through GitHub.',
    orgDefaultsFor: github.repo,
  });
}
