import { Octokit } from '@octokit/rest';
import { deleteToken, exchangeWebFlowCode } from '@octokit/oauth-methods';
import type { Permission } from '../queue/types.js';
import type { DashboardEnv } from './dashboard-env.js';

/** A repository a signed-in user reaches through one of the app's installations. */
export interface AccessibleRepo {
  fullName: string;
  private: boolean;
  defaultBranch: string;
  /** The user's role there, as GitHub lists it: enough to show or hide the buttons. */
  role: Permission;
}

export interface AccessibleInstallation {
  id: number;
  account: string;
  repos: AccessibleRepo[];
}

export interface UserToken {
  token: string;
  /** Null for a token that does not expire (an app with expiring tokens turned off). */
  expiresAt: Date | null;
}

/** What the dashboard asks GitHub on a user's behalf: the user-to-server side of the app. */
export interface GitHubUserApi {
  authorizeUrl(input: { state: string; redirectUrl: string }): string;
  exchangeCode(input: { code: string; redirectUrl: string }): Promise<UserToken>;
  user(token: string): Promise<{ login: string; id: number }>;
  /** `GET /user/installations`, then each one's repositories: only what the user can see. */
  installations(token: string): Promise<AccessibleInstallation[]>;
  /**
   * The repository's name as GitHub spells it, if the user's token still reaches it (read
   * fresh before every action); undefined when it does not (404).
   */
  visibleName(token: string, repo: string): Promise<string | undefined>;
  /** Signing out: the token stops working at GitHub, so a copied cookie is worth nothing. */
  revoke(token: string): Promise<void>;
}

export function createGitHubUserApi(
  env: Pick<DashboardEnv, 'github'>,
  client: { clientId: string; clientSecret: string },
): GitHubUserApi {
  const { webUrl, apiUrl } = env.github;
  const octokit = (token: string) => new Octokit({ auth: token, baseUrl: apiUrl });
  return {
    authorizeUrl({ state, redirectUrl }) {
      const url = new URL('/login/oauth/authorize', webUrl);
      url.searchParams.set('client_id', client.clientId);
      url.searchParams.set('redirect_uri', redirectUrl);
      url.searchParams.set('state', state);
      return url.toString();
    },
    async exchangeCode({ code, redirectUrl }) {
      // Octokit derives `<web>/login/oauth/access_token` from an `<web>/api/v3` base URL.
      const { authentication } = await exchangeWebFlowCode({
        clientType: 'github-app',
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        code,
        redirectUrl,
        request: new Octokit({ baseUrl: apiUrl }).request,
      });
      const expiresAt = 'expiresAt' in authentication ? new Date(authentication.expiresAt) : null;
      return { token: authentication.token, expiresAt };
    },
    async user(token) {
      const { data } = await octokit(token).rest.users.getAuthenticated();
      return { login: data.login, id: data.id };
    },
    async installations(token) {
      const kit = octokit(token);
      const installations = await kit.paginate(
        kit.rest.apps.listInstallationsForAuthenticatedUser,
        { per_page: 100 },
      );
      return Promise.all(
        installations.map(async (installation) => {
          const repos = await kit.paginate(
            kit.rest.apps.listInstallationReposForAuthenticatedUser,
            {
              installation_id: installation.id,
              per_page: 100,
            },
          );
          const account = installation.account;
          return {
            id: installation.id,
            account: account && 'login' in account ? account.login : String(installation.id),
            repos: repos.map((repo) => ({
              fullName: repo.full_name,
              private: repo.private,
              defaultBranch: repo.default_branch,
              role: roleOf(repo.permissions),
            })),
          };
        }),
      );
    },
    async revoke(token) {
      await deleteToken({
        clientType: 'github-app',
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        token,
        request: new Octokit({ baseUrl: apiUrl }).request,
      });
    },
    async visibleName(token, repo) {
      const [owner = '', name = ''] = repo.split('/');
      try {
        const { data } = await octokit(token).rest.repos.get({ owner, repo: name });
        return data.full_name;
      } catch (error) {
        // 401 (a revoked token) and 403 (rate limit, SSO) are not "hidden": the caller says so.
        if ((error as { status?: number }).status === 404) return undefined;
        throw error;
      }
    },
  };
}

/** The highest role the `permissions` hash grants; `push` is GitHub's name for write. */
function roleOf(
  permissions:
    { admin?: boolean; maintain?: boolean; push?: boolean; triage?: boolean } | undefined,
): Permission {
  if (permissions?.admin) return 'admin';
  if (permissions?.maintain) return 'maintain';
  if (permissions?.push) return 'write';
  if (permissions?.triage) return 'triage';
  return 'read';
}
