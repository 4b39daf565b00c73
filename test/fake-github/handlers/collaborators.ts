import type { HandlerTable } from './types.js';
import { requireRepo } from './types.js';
import { answerNow } from './answer-now.js';
import { notFound } from '../http/github-error.js';
import { renderUser } from '../render/basics.js';
import { legacyPermission, roleOf } from '../domain/collaborators.js';

export const collaboratorHandlers: HandlerTable = {
  /**
   * `permission` is the legacy four-level value (maintain reads as write, triage as read);
   * `role_name` is the real role. Someone without a role gets `none`; a login that is no
   * account at all is a 404.
   */
  'repos/get-collaborator-permission-level': answerNow((ctx) => {
    const repo = requireRepo(ctx);
    const account = ctx.world.findAccount(ctx.params.username!);
    if (!account) throw notFound();
    const role = roleOf(repo, account.login);
    const permission = legacyPermission(role);
    const flags = {
      admin: permission === 'admin',
      maintain: role === 'admin' || role === 'maintain',
      push: permission === 'admin' || permission === 'write',
      triage: permission !== 'none' && role !== 'read',
      pull: permission !== 'none',
    };
    const roleName = role ?? 'none';
    return {
      status: 200,
      body: {
        permission,
        role_name: roleName,
        user: { ...renderUser(ctx.world, account), permissions: flags, role_name: roleName },
      },
    };
  }),
};
