import type { ProbotOctokit } from 'probot';

/** A pino-like logger; the adapter only ever logs at debug level. */
export interface DebugLog {
  debug(fields: object, message?: string): void;
}

/** What every call of the adapter needs: the client and the repository it speaks for. */
export interface RepoContext {
  /** `context.octokit` in a handler, or `await app.auth(installationId)` elsewhere. */
  octokit: ProbotOctokit;
  owner: string;
  repo: string;
  log?: DebugLog;
}

/** A write that is a decision: Probot's retry plugin must never repeat it (it retries 405/409/5xx). */
export const writeOnce = { retries: 0 } as const;
