/** What every page needs besides its own model: where it is served, who asks, what they may do. */
export interface PageContext {
  /** Where the dashboard is mounted, without a trailing slash: `/sluice`. */
  basePath: string;
  /** `https://github.com`, or a GitHub Enterprise Server's address: links to PRs and commits. */
  serverUrl: string;
  user: { login: string } | null;
  /** The session's CSRF token, sent back by every form; no forms without it. */
  csrfToken: string | null;
  /** May this person pause, resume, dequeue and retry here. */
  canSteer: boolean;
  /** A message after an action (`Queue paused.`), shown once. */
  notice?: string;
  now: Date;
}
