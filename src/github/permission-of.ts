import type { Permission } from '../queue/types.js';
import { readUnlessMissing } from './call-github.js';
import type { RepoContext } from './repo-context.js';

const roles: Record<Permission, true> = {
  admin: true,
  maintain: true,
  write: true,
  triage: true,
  read: true,
  none: true,
};

function isPermission(value: string): value is Permission {
  return Object.hasOwn(roles, value);
}

/**
 * `role_name` is the real role; `permission` is the legacy four-level value that reads
 * maintain as write and triage as read. A custom repository role has its own `role_name`, so
 * it falls back to the legacy value (the base role it extends). Unknown values fail closed.
 */
export function toPermission(answer: { role_name: string; permission: string }): Permission {
  if (isPermission(answer.role_name)) return answer.role_name;
  if (isPermission(answer.permission)) return answer.permission;
  return 'none';
}

/** A login that is no account at all answers 404: it may do nothing. */
export async function permissionOf(ctx: RepoContext, login: string): Promise<Permission> {
  const answer = await readUnlessMissing(ctx, 'repos/get-collaborator-permission-level', () =>
    ctx.octokit.rest.repos.getCollaboratorPermissionLevel({
      owner: ctx.owner,
      repo: ctx.repo,
      username: login,
    }),
  );
  return answer === undefined ? 'none' : toPermission(answer.data);
}
