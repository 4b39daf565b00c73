import { GitHubReadError, GitHubWriteError } from './github-errors.js';
import { requestFailure } from './request-failure.js';
import { withOperation } from './request-operation.js';
import type { RepoContext } from './repo-context.js';

/** The typed error for a failed read, logged at debug level. */
export function asReadError(ctx: RepoContext, operation: string, error: unknown): GitHubReadError {
  const { status, message } = requestFailure(error);
  ctx.log?.debug({ operation, status, message }, 'GitHub read failed');
  return new GitHubReadError(operation, status, message, { cause: error });
}

/** The typed error for a failed write that is not a decision, logged at debug level. */
export function asWriteError(
  ctx: RepoContext,
  operation: string,
  error: unknown,
): GitHubWriteError {
  const { status, message } = requestFailure(error);
  ctx.log?.debug({ operation, status, message }, 'GitHub write failed');
  return new GitHubWriteError(operation, status, message, { cause: error });
}

/** Runs a read; any failure becomes a `GitHubReadError` naming the operation. */
export async function readGitHub<T>(
  ctx: RepoContext,
  operation: string,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await withOperation(operation, call);
  } catch (error) {
    throw asReadError(ctx, operation, error);
  }
}

/** Runs a read where 404 means "absent" rather than a failure. */
export async function readUnlessMissing<T>(
  ctx: RepoContext,
  operation: string,
  call: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await withOperation(operation, call);
  } catch (error) {
    if (requestFailure(error).status === 404) return undefined;
    throw asReadError(ctx, operation, error);
  }
}

/** Runs a write that is not a decision; failures become a `GitHubWriteError`. */
export async function writeGitHub<T>(
  ctx: RepoContext,
  operation: string,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await withOperation(operation, call);
  } catch (error) {
    throw asWriteError(ctx, operation, error);
  }
}
