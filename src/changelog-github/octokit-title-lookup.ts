import type { TitleLookup } from '../changelog/index.js';
import { createOctokit } from './create-octokit.js';
import { GitHubRequestError, statusOf } from './github-errors.js';

export interface GitHubRepository {
  owner: string;
  repo: string;
  token: string;
  /** `GITHUB_API_URL` on GitHub Enterprise Server; api.github.com otherwise. */
  baseUrl?: string | undefined;
}

/**
 * Titles through the issues endpoint, which answers for pull requests too: a bare id may
 * name either. A number that does not exist (404) or was moved away (410) has no title.
 */
export function createOctokitTitleLookup(repository: GitHubRepository): TitleLookup {
  const octokit = createOctokit(repository);
  const { owner, repo } = repository;
  return {
    async titleOf(number) {
      try {
        const response = await octokit.rest.issues.get({ owner, repo, issue_number: number });
        return response.data.title;
      } catch (error) {
        const status = statusOf(error);
        if (status === 404 || status === 410) return undefined;
        throw new GitHubRequestError(`GET issue #${number} of ${owner}/${repo} failed`, {
          cause: error,
        });
      }
    },
  };
}
