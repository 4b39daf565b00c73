import type { World } from '../world/world.js';
import type { Account, App, Installation, RepoState, Role } from '../world/types.js';
import { roleOf } from '../domain/collaborators.js';
import type { UserAccessToken } from './types.js';

/** A repository the user has an explicit role on, inside an installation. */
export interface AccessibleRepository {
  repo: RepoState;
  role: Role;
}

/**
 * The repositories of `installation` a user access token reaches: covered by the installation,
 * with an explicit role for the user (owner or collaborator; GitHub's "explicit permission",
 * so a public repository alone does not count), and the token's `repository_id` if it has one.
 */
export function accessibleRepositories(
  world: World,
  installation: Installation,
  token: UserAccessToken,
): AccessibleRepository[] {
  return [...world.repos.values()].flatMap((repo) => {
    if (world.installationFor(installation.appId, repo) !== installation) return [];
    if (token.repositoryId !== null && token.repositoryId !== repo.id) return [];
    const role = roleOf(repo, token.account.login);
    return role ? [{ repo, role }] : [];
  });
}

/**
 * The app's installations a user access token reaches: those with a repository the user can
 * access, and the one on the user's own account. Organization membership is not modelled, so
 * an organization's installation shows only through the user's roles on its repositories.
 */
export function accessibleInstallations(
  world: World,
  app: App,
  token: UserAccessToken,
): Installation[] {
  return [...world.installations.values()].filter((installation) => {
    if (installation.appId !== app.id) return false;
    if (accessibleRepositories(world, installation, token).length > 0) return true;
    return token.repositoryId === null && installation.account.id === token.account.id;
  });
}

/**
 * `repository_id` at the exchange narrows the token to one repository, "If the GitHub App or
 * user cannot access the repository, this will be ignored."
 */
export function narrowingRepository(
  world: World,
  app: App,
  account: Account,
  repositoryId: string | undefined,
): number | null {
  if (repositoryId === undefined) return null;
  const repo = [...world.repos.values()].find((r) => String(r.id) === repositoryId);
  if (!repo || !world.installationFor(app.id, repo)) return null;
  return roleOf(repo, account.login) !== undefined || !repo.private ? repo.id : null;
}

/** The `permissions` hash GitHub puts on a repository listed for a user. */
export function repositoryPermissions(role: Role): Record<string, boolean> {
  return {
    admin: role === 'admin',
    maintain: role === 'admin' || role === 'maintain',
    push: role === 'admin' || role === 'maintain' || role === 'write',
    triage: role !== 'read',
    pull: true,
  };
}
