import { resolveConfigText, type ParseConfigResult } from '../config/index.js';
import type { RepoGitHub } from '../github/port.js';

export const configPath = '.github/sluice.yml';

/**
 * Reads `.github/sluice.yml` from the default branch only — a pull request cannot loosen its
 * own gate — following Probot's `_extends` to org-wide defaults (`owner/.github` or any repo
 * of the same owner). A missing file means the defaults.
 */
export async function loadConfig(github: RepoGitHub, ref?: string): Promise<ParseConfigResult> {
  const branch = ref ?? (await github.defaultBranch());
  const text = await github.readFile(configPath, branch);
  return resolve(github, text ?? '');
}

/** Validates config text as if it were on the default branch (following its `_extends`). */
export function loadConfigText(github: RepoGitHub, text: string): Promise<ParseConfigResult> {
  return resolve(github, text);
}

function resolve(github: RepoGitHub, text: string): Promise<ParseConfigResult> {
  return resolveConfigText(text, {
    path: `${github.owner}/${github.repo}:${configPath}`,
    configPath,
    reader: { owner: github.owner, readFileIn: (repo, path) => github.readFileIn(repo, path) },
    offlineFix: 'The app always reads through GitHub.',
  });
}
