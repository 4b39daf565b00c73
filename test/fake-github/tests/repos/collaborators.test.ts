import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startRepoWorld, type RepoWorld } from './support/repo-world.js';
import { setCollaboratorRole } from '../../control/repo-ops.js';

describe('repos/get-collaborator-permission-level', () => {
  let world: RepoWorld;

  beforeAll(async () => {
    world = await startRepoWorld({
      ownerType: 'User',
      fullName: 'acme/widgets',
      collaborators: { mia: 'maintain', tess: 'triage', wes: 'write', rae: 'read' },
    });
    world.gh.createUser('stranger');
  });
  afterAll(() => world.gh.close());

  const permissionOf = async (username: string) => {
    const { data } = await world.app.rest.repos.getCollaboratorPermissionLevel({
      owner: 'acme',
      repo: 'widgets',
      username,
    });
    return [data.permission, data.role_name];
  };

  it.each([
    ['the owner', 'acme', 'admin', 'admin'],
    ['a maintainer, as write', 'mia', 'write', 'maintain'],
    ['a writer', 'wes', 'write', 'write'],
    ['a triager, as read', 'tess', 'read', 'triage'],
    ['a reader', 'rae', 'read', 'read'],
    // verify: GitHub may answer read for anyone on a public repository.
    ['a user without a role', 'stranger', 'none', 'none'],
  ])(
    'reports %s with the legacy permission and the real role',
    async (_, login, permission, role) => {
      expect(await permissionOf(login)).toEqual([permission, role]);
      expect(world.gh.world.violations).toEqual([]);
    },
  );

  it('answers 404 for a login that is no account', async () => {
    await expect(permissionOf('ghost-user')).rejects.toMatchObject({ status: 404 });
  });

  it('follows role changes made through the harness', async () => {
    setCollaboratorRole(world.gh.services, { repo: world.repo, login: 'stranger', role: 'admin' });
    expect(await permissionOf('stranger')).toEqual(['admin', 'admin']);
    setCollaboratorRole(world.gh.services, { repo: world.repo, login: 'stranger', role: null });
    expect(await permissionOf('stranger')).toEqual(['none', 'none']);
  });
});
