/** A GitHub call that failed for a reason other than "not found", with the request named. */
export class GitHubRequestError extends Error {
  override name = 'GitHubRequestError';
}

/** Octokit's RequestError carries the HTTP status; anything else has none. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}
