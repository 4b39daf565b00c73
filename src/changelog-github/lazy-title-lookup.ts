import type { TitleLookup } from '../changelog/index.js';
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
