/**
 * The HTTP status of a failed GitHub request, when the error carries one. Read alone so that
 * the error itself is never logged: Octokit's carry their request, tokens included.
 */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}
