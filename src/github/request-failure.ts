/** The parts of Octokit's RequestError this adapter decides on. */
export interface RequestFailure {
  /**
   * HTTP status. @octokit/request reports a network failure as 500 with the fetch error as
   * `cause`, so "no answer" and "server error" look alike — both are unknown outcomes.
   */
  status: number | undefined;
  /** GitHub's own message (`Reference does not exist`), without the documentation link. */
  message: string;
}

export function requestFailure(error: unknown): RequestFailure {
  const shape = error as { status?: unknown; message?: unknown; response?: { data?: unknown } };
  const status = typeof shape?.status === 'number' ? shape.status : undefined;
  const data = shape?.response?.data as { message?: unknown } | undefined;
  const message =
    typeof data?.message === 'string'
      ? data.message
      : typeof shape?.message === 'string'
        ? shape.message
        : String(error);
  return { status, message };
}

/** 5xx, or no status at all: the write may or may not have happened. */
export function isUnknownOutcome(failure: RequestFailure): boolean {
  return failure.status === undefined || failure.status >= 500;
}
