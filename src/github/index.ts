export type * from './port.js';
export { createRepoGitHub } from './create-repo-github.js';
export type { DebugLog, RepoContext } from './repo-context.js';
export { GitHubCallError, GitHubReadError, GitHubWriteError } from './github-errors.js';
export { sluiceCheckName } from './to-observed-check.js';
