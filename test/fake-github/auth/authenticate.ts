import type { World } from '../world/world.js';
import type { Caller } from '../handlers/types.js';
import type { Access, Account, Permissions } from '../world/types.js';
import { GitHubError } from '../http/github-error.js';
import { verifyAppJwt } from './verify-jwt.js';
import { appJwtOperations, clientOperations } from './permissions.js';
import { authenticateUserToken } from '../oauth/user-to-server.js';

const badCredentials = (): GitHubError => new GitHubError(401, 'Bad credentials');

/**
 * Resolves the `Authorization` header to the calling app, installation or user, as GitHub
 * does: app endpoints take a JWT (`Bearer <jwt>`); everything else takes an installation token
 * (`token ghs_…` or `Bearer ghs_…`), a user's personal access token, or an app's user access
 * token (`ghu_…`, bounded by the app in `authorizeUserToServer`).
 */
export function authenticate(
  world: World,
  operationId: string,
  authorization: string | null,
): Caller {
  if (!authorization) throw new GitHubError(401, 'Requires authentication');
  const [scheme = '', credential = ''] = authorization.trim().split(/\s+/, 2);
  if (appJwtOperations.has(operationId)) return authenticateApp(world, scheme, credential);
  if (clientOperations.has(operationId)) return authenticateClient(world, scheme, credential);
  if (!['token', 'bearer'].includes(scheme.toLowerCase())) throw badCredentials();
  const userToServer = authenticateUserToken(world, operationId, credential);
  if (userToServer) return userToServer;
  const user = world.userTokens.get(credential);
  if (user) return { kind: 'user', account: user };
  const token = world.tokens.get(credential);
  if (!token || token.revoked || token.expiresAt.getTime() <= Date.now()) throw badCredentials();
  const installation = world.installations.get(token.installationId);
  const app = installation && world.apps.get(installation.appId);
  if (!installation || !app) throw badCredentials();
  if (installation.suspended) throw new GitHubError(403, 'This installation has been suspended');
  // A token never grants more than the installation has now (permissions can be revoked).
  const permissions: Permissions = Object.fromEntries<Access>(
    Object.entries(token.permissions).flatMap(([name, access]) => {
      const now = installation.permissions[name];
      if (!now) return [];
      return [[name, now === 'read' ? 'read' : access]];
    }),
  );
  return { kind: 'installation', app, installation, actor: app.bot, permissions };
}

/**
 * The app's OAuth client, by HTTP Basic `client_id:client_secret`: what GitHub asks of the
 * endpoints about an app's user tokens (`/applications/{client_id}/token`).
 */
function authenticateClient(world: World, scheme: string, credential: string): Caller {
  if (scheme.toLowerCase() !== 'basic') throw badCredentials();
  const decoded = Buffer.from(credential, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const [clientId, secret] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
  const app = [...world.apps.values()].find((a) => a.oauth.clientId === clientId);
  if (colon < 0 || !app || app.oauth.clientSecret !== secret) throw badCredentials();
  return { kind: 'app', app };
}

function authenticateApp(world: World, scheme: string, credential: string): Caller {
  if (scheme.toLowerCase() !== 'bearer' || credential.startsWith('ghs_')) {
    throw new GitHubError(401, 'A JSON web token could not be decoded');
  }
  const verdict = verifyAppJwt(credential, (id) => world.apps.get(id)?.publicKeyPem);
  if (!verdict.ok) throw new GitHubError(401, verdict.message);
  const app = world.apps.get(verdict.appId);
  if (!app) throw new GitHubError(401, 'Integration not found');
  return { kind: 'app', app };
}

export function describeCaller(caller: Caller | undefined): string {
  if (!caller) return 'anonymous';
  switch (caller.kind) {
    case 'app':
      return `app:${caller.app.id}`;
    case 'installation':
      return `installation:${caller.installation.id}`;
    case 'user':
      return caller.viaApp
        ? `user:${caller.account.login} via app:${caller.viaApp.app.id}`
        : `user:${caller.account.login}`;
  }
}

/** The account that acts: the user, or the installation's bot. */
export function actorOf(caller: Caller): Account {
  switch (caller.kind) {
    case 'app':
      return caller.app.bot;
    case 'installation':
      return caller.actor;
    case 'user':
      return caller.account;
  }
}
