import { ProbotOctokit } from 'probot';
import { GitHubReadError } from '../github/github-errors.js';
import { requestFailure } from '../github/request-failure.js';
import { createDoctorGitHub, type DoctorGitHub } from './doctor-github.js';
import type { AppCredentials } from './read-app-credentials.js';

type Octokit = InstanceType<typeof ProbotOctokit>;

/** Where Octokit's own warnings go (rate limits): never stdout, which may carry JSON. */
export interface WarningSink {
  warn(message: string): void;
}

/** The app, authenticated: its installations and a port per installed repository. */
export interface AppSession {
  url: string;
  /** The app's slug, as GitHub knows it. */
  app: string;
  /** Every repository of every installation (`owner/name`). */
  listRepositories(): Promise<string[]>;
  /** Undefined when the app is not installed on the repository. */
  repo(fullName: string): Promise<DoctorGitHub | undefined>;
}

export type Connection =
  { ok: true; session: AppSession } | { ok: false; status: number | undefined; message: string };

/**
 * Octokit as the app configures it (src/main.ts): ref writes and 4xx answers are never
 * retried, throttling is on unless SLUICE_GITHUB_THROTTLE=off.
 */
function octokitClass(throttle: boolean) {
  return ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    retry: {
      ...(options.retry as object),
      doNotRetry: [400, 401, 403, 404, 405, 409, 410, 422, 451],
    },
    ...(throttle ? {} : { throttle: { ...(options.throttle as object), enabled: false } }),
  }));
}

/**
 * Authenticates as the app (a JWT from APP_ID and the private key) and checks the answer
 * once, without retries, so wrong credentials or an unreachable host fail at once. Each
 * installation then gets its own client with installation tokens, as Probot's `app.auth(id)`.
 */
export async function connectGitHub(
  credentials: AppCredentials,
  sink: WarningSink,
): Promise<Connection> {
  const Octokit = octokitClass(credentials.throttle);
  const noop = () => undefined;
  const warn = (message: string) => sink.warn(message);
  const log = { debug: noop, info: noop, warn, error: warn };
  const common = { baseUrl: credentials.baseUrl, log };
  const { appId, privateKey } = credentials;
  const app = new Octokit({ ...common, auth: { appId, privateKey } });
  let slug: string;
  try {
    const { data } = await app.rest.apps.getAuthenticated({ request: { retries: 0 } });
    slug = data?.slug ?? String(appId);
  } catch (error) {
    const failure = requestFailure(error);
    return { ok: false, status: failure.status, message: failure.message };
  }
  const clients = new Map<number, Octokit>();
  const installationOf = new Map<string, number>();
  const client = (installationId: number): Octokit => {
    const existing = clients.get(installationId);
    if (existing) return existing;
    const created = new Octokit({ ...common, auth: { appId, privateKey, installationId } });
    clients.set(installationId, created);
    return created;
  };
  return {
    ok: true,
    session: {
      url: credentials.baseUrl,
      app: slug,
      listRepositories: () =>
        asReadError('apps/list-installations', async () => {
          const installations = await app.paginate(app.rest.apps.listInstallations, {
            per_page: 100,
          });
          const names: string[] = [];
          for (const installation of installations) {
            if (installation.suspended_at) continue;
            const octokit = client(installation.id);
            const repos = await octokit.paginate(
              octokit.rest.apps.listReposAccessibleToInstallation,
              {
                per_page: 100,
              },
            );
            for (const repo of repos) {
              installationOf.set(repo.full_name.toLowerCase(), installation.id);
              names.push(repo.full_name);
            }
          }
          return names;
        }),
      async repo(fullName) {
        const [owner = '', name = ''] = fullName.split('/');
        let id = installationOf.get(fullName.toLowerCase());
        if (id === undefined) {
          try {
            const { data } = await app.rest.apps.getRepoInstallation({ owner, repo: name });
            id = data.id;
          } catch (error) {
            const failure = requestFailure(error);
            if (failure.status === 404) return undefined;
            throw new GitHubReadError(
              'apps/get-repo-installation',
              failure.status,
              failure.message,
              {
                cause: error,
              },
            );
          }
        }
        return createDoctorGitHub({ octokit: client(id), owner, repo: name });
      },
    },
  };
}

/** Failures of the app-level reads, typed as the adapter's other reads are. */
async function asReadError<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const failure = requestFailure(error);
    throw new GitHubReadError(operation, failure.status, failure.message, { cause: error });
  }
}
