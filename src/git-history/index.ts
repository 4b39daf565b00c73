/** Adapter: the changelog's view of a git repository, through the git CLI. */
export { commitFile } from './commit-file.js';
export type { CommitFileRequest } from './commit-file.js';
export { readCommits } from './read-commits.js';
export type { CommitRange } from './read-commits.js';
export { resolveRange } from './resolve-range.js';
export type { RangeRequest, ResolvedRange } from './resolve-range.js';
export { GitError, runGit, tryGit } from './run-git.js';
export { readGitHubRepository } from './read-github-repository.js';
export { readRange } from './read-range.js';
export type { RangeReading } from './read-range.js';
export { streamCommits } from './stream-commits.js';
