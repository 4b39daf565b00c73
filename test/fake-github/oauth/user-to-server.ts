import type { World } from '../world/world.js';
import type { Caller } from '../handlers/types.js';
import { GitHubError, notFound } from '../http/github-error.js';
import { acceptedPermissionsHeader, isPermitted } from '../auth/permissions.js';
import { roleOf } from '../domain/collaborators.js';

/** Operations a user access token may call outside any repository: about the user themself. */
export const userOperations: ReadonlySet<string> = new Set([
  'users/get-authenticated',
  'apps/list-installations-for-authenticated-user',
  'apps/list-installation-repos-for-authenticated-user',
]);

const notAccessible = (operationId: string): GitHubError =>
  new GitHubError(403, 'Resource not accessible by integration', {
    headers: { 'x-accepted-github-permissions': acceptedPermissionsHeader(operationId) },
  });

/**
 * The caller behind a `ghu_` token: the user, acting through the app. `undefined` when the
 * credential is not a user access token; 401 `Bad credentials` when it is unknown, expired,
 * refreshed away or revoked.
 */
export function authenticateUserToken(
  world: World,
  operationId: string,
  credential: string,
): Caller | undefined {
  if (!credential.startsWith('ghu_')) return undefined;
  const token = world.oauth.findToken(credential);
  const app = token && world.apps.get(token.appId);
  if (!token || !app) throw new GitHubError(401, 'Bad credentials');
  if (operationId === 'graphql') {
    // Failing loudly beats answering with a person's full rights, unbounded by the app.
    world.recordViolation({
      kind: 'unimplemented',
      subject: 'graphql with a user access token',
      detail: `fake-github does not bound GraphQL by the app's installation (${app.slug})`,
      at: world.clock.now(),
    });
    throw new GitHubError(501, 'fake-github does not implement GraphQL with a user access token');
  }
  return { kind: 'user', account: token.account, viaApp: { app, token } };
}

/**
 * A user access token reaches only what both the user and the app can reach: a repository the
 * user can see, covered by one of the app's installations (and the token's `repository_id`,
 * if any), through an operation the installation's permissions allow. Outside that the
 * repository does not exist (404); a missing permission is 403, as for an installation token.
 * The user's own role is checked afterwards, as for any person. Other callers pass unchanged.
 */
export function authorizeUserToServer(
  world: World,
  caller: Caller,
  operationId: string,
  params: Record<string, string>,
): Caller {
  if (caller.kind !== 'user' || !caller.viaApp) return caller;
  const { app, token } = caller.viaApp;
  if (params.owner === undefined || params.repo === undefined) {
    if (userOperations.has(operationId)) return caller;
    throw notAccessible(operationId);
  }
  const repo = world.repo(`${params.owner}/${params.repo}`);
  if (!repo) throw notFound();
  const visible = !repo.private || roleOf(repo, caller.account.login) !== undefined;
  const installation = world.installationFor(app.id, repo);
  const narrowedAway = token.repositoryId !== null && token.repositoryId !== repo.id;
  if (!visible || !installation || narrowedAway) throw notFound();
  if (installation.suspended) throw new GitHubError(403, 'This installation has been suspended');
  if (!isPermitted(operationId, installation.permissions)) throw notAccessible(operationId);
  return { ...caller, viaApp: { ...caller.viaApp, installation } };
}
