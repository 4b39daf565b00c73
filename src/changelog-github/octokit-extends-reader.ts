import type { ExtendsReader } from '../config/index.js';
import { createOctokit } from './create-octokit.js';
import { GitHubRequestError, statusOf } from './github-errors.js';
import type { GitHubRepository } from './octokit-title-lookup.js';

/**
 * Reads the files a config's `_extends` names (default branch of another repository of the
 * same owner) through the contents API. Not found, or not visible to this token, is a
 * missing file (GitHub answers both 404); anything else throws.
 */
export function createOctokitExtendsReader(repository: GitHubRepository): ExtendsReader {
  const octokit = createOctokit(repository);
  const { owner } = repository;
  return {
    owner,
    async readFileIn(repo, path) {
      try {
        const { data } = (await octokit.rest.repos.getContent({
          owner,
          repo,
          path,
          mediaType: { format: 'raw' },
        })) as { data: unknown };
        if (typeof data === 'string') return data;
        // Octokit hands over an ArrayBuffer when GitHub labels the file as binary.
        if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
        return undefined; // a directory: its JSON listing, even in the raw media type
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw new GitHubRequestError(`reading ${owner}/${repo}:${path} failed`, { cause: error });
      }
    },
  };
}
