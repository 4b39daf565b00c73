/**
 * Links to GitHub pages, built only from a checked server address and checked parts: a PR
 * title, a branch or a stored URL can never become an `href` of its own (no `javascript:`).
 * Every function answers null rather than a link it cannot vouch for.
 */

// GitHub owners: alphanumerics and single hyphens; repository names: also `.` and `_`.
const repoName = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const commitSha = /^[0-9a-f]{7,64}$/i;

/** The server's origin (`https://github.com`), or null unless it is plain http(s). */
export function serverOrigin(serverUrl: string): string | null {
  const url = parseUrl(serverUrl);
  if (!url || url.username !== '' || url.password !== '') return null;
  return url.origin;
}

/** `owner/name` as GitHub allows it, so its segments need no escaping in a path. */
export function isRepoName(repo: string): boolean {
  return repoName.test(repo) && !repo.split('/').includes('..');
}

export function pullUrl(serverUrl: string, repo: string, number: number): string | null {
  const origin = serverOrigin(serverUrl);
  if (!origin || !isRepoName(repo) || !Number.isSafeInteger(number) || number < 1) return null;
  return `${origin}/${repo}/pull/${number}`;
}

export function commitUrl(serverUrl: string, repo: string, sha: string): string | null {
  const origin = serverOrigin(serverUrl);
  if (!origin || !isRepoName(repo) || !commitSha.test(sha)) return null;
  return `${origin}/${repo}/commit/${sha}`;
}

/**
 * A stored URL (a failed job's page) as a link, only when it is an http(s) page on the same
 * GitHub server: evidence comes from GitHub's API, so anything else is not evidence.
 */
export function sameServerUrl(serverUrl: string, candidate: unknown): string | null {
  const origin = serverOrigin(serverUrl);
  if (!origin || typeof candidate !== 'string') return null;
  const url = parseUrl(candidate);
  if (!url || url.origin !== origin || url.username !== '' || url.password !== '') return null;
  return url.href;
}

export function isCommitSha(value: unknown): value is string {
  return typeof value === 'string' && commitSha.test(value);
}

function parseUrl(text: string): URL | null {
  if (!URL.canParse(text)) return null;
  const url = new URL(text);
  return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
}
