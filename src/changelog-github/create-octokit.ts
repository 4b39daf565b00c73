import { Octokit } from '@octokit/rest';
import type { GitHubRepository } from './octokit-title-lookup.js';

const ignore = (): void => undefined;

/**
 * Octokit for the changelog's ports. Its request log prints every failed request on stderr
 * (`GET /repos/o/r/issues/99 - 404 ...`), yet a 404 is an expected answer here and any other
 * failure comes back as a GitHubRequestError that the CLI or the Action reports once, in its
 * own words: so only Octokit's warnings (deprecations) are let through.
 */
export function createOctokit(repository: GitHubRepository): Octokit {
  return new Octokit({
    auth: repository.token,
    baseUrl: repository.baseUrl,
    log: { debug: ignore, info: ignore, warn: console.warn, error: ignore },
  });
}
