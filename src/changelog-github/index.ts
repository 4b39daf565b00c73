/**
 * Adapter: the changelog's GitHub ports implemented with Octokit. Import
 * `ports-from-environment.js` directly where start-up time matters: this index loads Octokit.
 */
export { GitHubRequestError } from './github-errors.js';
export { createLazyTitleLookup } from './lazy-title-lookup.js';
export {
  extendsReaderFromEnvironment,
  titleLookupFromEnvironment,
} from './ports-from-environment.js';
export { createOctokitExtendsReader } from './octokit-extends-reader.js';
export { createOctokitReleasePort } from './octokit-release-port.js';
export { createOctokitTitleLookup } from './octokit-title-lookup.js';
export type { GitHubRepository } from './octokit-title-lookup.js';
