/** The dashboard's settings, from the environment; a bad value stops start-up with why. */
export interface DashboardEnv {
  /** SLUICE_DASHBOARD=off turns `/sluice/` off (404). */
  enabled: boolean;
  /** The app's OAuth client (from its settings page): without it nobody can sign in. */
  oauth: { clientId: string; clientSecret: string } | undefined;
  /** Seals session cookies: SLUICE_SESSION_SECRET, else derived from the OAuth client secret. */
  sessionSecret: string | undefined;
  /** SLUICE_DASHBOARD_PUBLIC=1: public repositories' queues are shown without signing in. */
  publicRepos: boolean;
  /** Where people's browsers reach GitHub (sign-in, links) and where its REST API is. */
  github: { webUrl: string; apiUrl: string };
  /** SLUICE_APP_URL: the public address of this app; the OAuth callback is under it. */
  appUrl: string | undefined;
}

const minimumSecretLength = 32;

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** GHE_HOST and GHE_PROTOCOL are Probot's own variables for GitHub Enterprise Server. */
function githubUrls(env: NodeJS.ProcessEnv): DashboardEnv['github'] {
  if (!env.GHE_HOST) return { webUrl: 'https://github.com', apiUrl: 'https://api.github.com' };
  const webUrl = `${env.GHE_PROTOCOL || 'https'}://${env.GHE_HOST}`;
  return { webUrl, apiUrl: `${webUrl}/api/v3` };
}

export function readDashboardEnv(env: NodeJS.ProcessEnv): DashboardEnv {
  const clientId = env.GITHUB_CLIENT_ID || undefined;
  const clientSecret = env.GITHUB_CLIENT_SECRET || undefined;
  if (Boolean(clientId) !== Boolean(clientSecret))
    throw new Error(
      'set both GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET (the app settings page shows the ' +
        'client ID and generates secrets), or neither to run the dashboard without sign-in',
    );
  const sessionSecret = env.SLUICE_SESSION_SECRET || undefined;
  if (sessionSecret !== undefined && sessionSecret.length < minimumSecretLength)
    throw new Error(
      `SLUICE_SESSION_SECRET must be at least ${minimumSecretLength} characters; ` +
        'generate one with `openssl rand -hex 32`',
    );
  const appUrl = env.SLUICE_APP_URL ? trimSlash(env.SLUICE_APP_URL) : undefined;
  if (appUrl !== undefined && !/^https?:\/\/[^/]+/.test(appUrl))
    throw new Error(`SLUICE_APP_URL must be an http(s) URL, got ${JSON.stringify(appUrl)}`);
  return {
    enabled: env.SLUICE_DASHBOARD !== 'off',
    oauth: clientId && clientSecret ? { clientId, clientSecret } : undefined,
    // A client secret is long and random, and every replica has the same one.
    sessionSecret: sessionSecret ?? (clientSecret ? `oauth-client:${clientSecret}` : undefined),
    publicRepos: env.SLUICE_DASHBOARD_PUBLIC === '1' || env.SLUICE_DASHBOARD_PUBLIC === 'true',
    github: githubUrls(env),
    appUrl,
  };
}
