/**
 * Exceptional GitHub failures, converted at the adapter boundary. Expected outcomes (the base
 * moved, a merge conflict, a lost answer on a write) are values in the port instead.
 */
export class GitHubCallError extends Error {
  override name = 'GitHubCallError';

  constructor(
    /** The REST operation or GraphQL query, e.g. `pulls/get`, `graphql SluiceStagingView`. */
    readonly operation: string,
    /** HTTP status; undefined when no answer arrived. */
    readonly status: number | undefined,
    message: string,
    options: { cause: unknown },
  ) {
    super(`${operation} failed${status === undefined ? '' : ` (${status})`}: ${message}`, options);
  }
}

/** A read failed in a way the port has no value for. */
export class GitHubReadError extends GitHubCallError {
  override name = 'GitHubReadError';
}

/** A write that is not a decision (labels, comments, check runs) failed. */
export class GitHubWriteError extends GitHubCallError {
  override name = 'GitHubWriteError';
}
