import type { World } from '../world/world.js';
import type { RepoState, Role } from '../world/types.js';

/** The old four-level value in `permission`; fine-grained roles live in `role_name`. */
export type LegacyPermission = 'admin' | 'write' | 'read' | 'none';

/** The owner of a repository is its admin; everyone else has the role they were given, if any. */
export function roleOf(repo: RepoState, login: string): Role | undefined {
  if (repo.owner.login.toLowerCase() === login.toLowerCase()) return 'admin';
  return repo.collaborators.get(login.toLowerCase());
}

/** GitHub folds maintain into write and triage into read (see `repos/get-collaborator-permission-level`). */
export function legacyPermission(role: Role | undefined): LegacyPermission {
  if (role === undefined) return 'none';
  switch (role) {
    case 'admin':
      return 'admin';
    case 'maintain':
    case 'write':
      return 'write';
    case 'triage':
    case 'read':
      return 'read';
  }
}

/** Gives `login` a role on the repository, or removes them with `null`. */
export function setCollaborator(
  world: World,
  repo: RepoState,
  login: string,
  role: Role | null,
): void {
  if (role === null) {
    repo.collaborators.delete(login.toLowerCase());
    return;
  }
  world.account(login);
  repo.collaborators.set(login.toLowerCase(), role);
}
