export { AsyncMutex } from './async-mutex.js';
export { COMPARE_COMMIT_LIMIT, COMPARE_FILE_LIMIT } from './compare-commits.js';
export { createSmartHttpHandler } from './create-smart-http-handler.js';
export type {
  GitAuthDecision,
  GitAuthRequest,
  GitService,
  PushEvent,
  SmartHttpOptions,
} from './create-smart-http-handler.js';
export type { CommitFilesInput, CommitFilesResult } from './commit-files.js';
export type { CreateCommitInput } from './create-commit.js';
export type { CreateTreeInput } from './create-tree.js';
export {
  GitCommandError,
  GitError,
  InvalidPathError,
  InvalidRefNameError,
  NoCommonAncestorError,
  NotFastForwardError,
  ObjectNotFoundError,
  RefExistsError,
  RefNotFoundError,
  RefRaceError,
} from './errors.js';
export { GitHost } from './git-host.js';
export { GitRepo } from './git-repo.js';
export type { ListCommitsInput } from './list-commits.js';
export type { MergeTreesOptions } from './merge-trees.js';
export type { RefWriteOptions, UpdateRefOptions } from './ref-updates.js';
export { ZERO_SHA } from './ref-snapshots.js';
export type { RefChange } from './ref-snapshots.js';
export type { GitResult, GitRunner, RunGitOptions } from './run-git.js';
export type * from './types.js';
