import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Octokit } from '@octokit/rest';
import { ProbotOctokit } from 'probot';
import { octokitAs, octokitWith, startOAuthWorld, type OAuthWorld } from './support/oauth-world.js';

describe('the REST API with a user access token', () => {
  let world: OAuthWorld;
  let alice: Octokit;

  beforeAll(async () => {
    world = await startOAuthWorld();
    alice = await octokitAs(world.gh, world.sluice, 'alice');
  });
  afterAll(() => world.gh.close());

  const repoIds = (repos: { full_name: string }[]): string[] => repos.map((r) => r.full_name);
  /** An installation's account is a user or an enterprise; these are all users and orgs. */
  const loginOf = (installation: { account: object | null }): string | null =>
    installation.account && 'login' in installation.account
      ? String(installation.account.login)
      : null;

  it('GET /user answers the signed-in person, privately', async () => {
    const { data } = await alice.rest.users.getAuthenticated();
    expect(data).toMatchObject({
      login: 'alice',
      type: 'User',
      user_view_type: 'private',
      total_private_repos: 1,
      public_repos: 0,
    });
    const last = world.gh.world.requests.at(-1);
    expect(last).toMatchObject({
      operationId: 'users/get-authenticated',
      status: 200,
      caller: `user:alice via app:${world.sluice.app.id}`,
    });
  });

  it('lists the installations of this app where the user can reach a repository, or on their own account', async () => {
    const { data } = await alice.rest.apps.listInstallationsForAuthenticatedUser();
    expect(data.total_count).toBe(2);
    expect(data.installations.map((i) => [i.id, loginOf(i)])).toEqual([
      [world.installs.acme.id, 'acme'],
      [world.installs.alice.id, 'alice'],
    ]);
    // initech has the app, but alice has no role there; globex has another app.
    const bob = await octokitAs(world.gh, world.sluice, 'bob');
    const bobs = await bob.rest.apps.listInstallationsForAuthenticatedUser();
    expect(bobs.data.installations.map(loginOf)).toEqual(['acme', 'initech']);
    const carol = await octokitAs(world.gh, world.sluice, 'carol');
    expect((await carol.rest.apps.listInstallationsForAuthenticatedUser()).data).toEqual({
      total_count: 0,
      installations: [],
    });
  });

  it('lists only the repositories of an installation the user has a role on, with that role', async () => {
    const { data } = await alice.rest.apps.listInstallationReposForAuthenticatedUser({
      installation_id: world.installs.acme.id,
    });
    expect(data.total_count).toBe(1);
    expect(data.repository_selection).toBe('all');
    expect(repoIds(data.repositories)).toEqual(['acme/widgets']);
    expect(data.repositories[0]?.permissions).toEqual({
      admin: false,
      maintain: false,
      push: true,
      triage: true,
      pull: true,
    });
    const rae = await octokitAs(world.gh, world.sluice, 'rae');
    const raes = await rae.rest.apps.listInstallationReposForAuthenticatedUser({
      installation_id: world.installs.acme.id,
    });
    expect(raes.data.repositories[0]?.permissions).toEqual({
      admin: false,
      maintain: false,
      push: false,
      triage: false,
      pull: true,
    });
    const own = await alice.rest.apps.listInstallationReposForAuthenticatedUser({
      installation_id: world.installs.alice.id,
    });
    expect(own.data).toMatchObject({ total_count: 1, repository_selection: 'selected' });
    expect(own.data.repositories[0]?.permissions?.admin).toBe(true);
  });

  it.each([
    ['an installation the user cannot reach', 'initech'],
    ["another app's installation", 'globex'],
  ] as const)('answers 404 for %s', async (_, account) => {
    await expect(
      alice.rest.apps.listInstallationReposForAuthenticatedUser({
        installation_id: world.installs[account].id,
      }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('reaches a repository only where both the user and the app can', async () => {
    expect((await alice.rest.repos.get({ owner: 'acme', repo: 'widgets' })).data.private).toBe(
      true,
    );
    expect((await alice.rest.repos.get({ owner: 'acme', repo: 'public-docs' })).data.private).toBe(
      false,
    );
    // Private without a role for alice; then alice's role, but the app is not installed there.
    for (const [owner, repo] of [
      ['acme', 'secret'],
      ['globex', 'tools'],
      ['initech', 'app'],
      ['acme', 'no-such-repo'],
    ]) {
      await expect(alice.rest.repos.get({ owner: owner!, repo: repo! })).rejects.toMatchObject({
        status: 404,
      });
    }
    // alice's personal token reaches globex/tools: the narrowing is the app's.
    const pat = octokitWith(world.gh, world.gh.createUser('alice').token);
    expect((await pat.rest.repos.get({ owner: 'globex', repo: 'tools' })).status).toBe(200);
  });

  it('is bounded by the installation’s permissions: 403 where the app may not write', async () => {
    const main = await alice.rest.git.getRef({ owner: 'acme', repo: 'widgets', ref: 'heads/main' });
    const write = alice.rest.git.createRef({
      owner: 'acme',
      repo: 'widgets',
      ref: 'refs/heads/from-alice',
      sha: main.data.object.sha,
    });
    await expect(write).rejects.toMatchObject({
      status: 403,
      response: {
        data: { message: 'Resource not accessible by integration' },
        headers: { 'x-accepted-github-permissions': 'contents=write' },
      },
    });
    const refs = await alice.rest.git.listMatchingRefs({
      owner: 'acme',
      repo: 'widgets',
      ref: 'heads/from',
    });
    expect(refs.data).toEqual([]);
  });

  it('is bounded by the user’s own role: a reader cannot write where the app could', async () => {
    const rae = await octokitAs(world.gh, world.sluice, 'rae');
    await expect(
      rae.rest.issues.createLabel({ owner: 'acme', repo: 'widgets', name: 'x', color: 'ff0000' }),
    ).rejects.toMatchObject({
      status: 403,
      response: { data: { message: 'Must have admin rights to Repository.' } },
    });
    const created = await alice.rest.issues.createLabel({
      owner: 'acme',
      repo: 'widgets',
      name: 'by-alice',
      color: '00ff00',
    });
    expect(created.status).toBe(201);
  });

  it('answers the collaborator permission of another person', async () => {
    const { data } = await alice.rest.repos.getCollaboratorPermissionLevel({
      owner: 'acme',
      repo: 'widgets',
      username: 'rae',
    });
    expect([data.permission, data.role_name]).toEqual(['read', 'read']);
    await expect(
      alice.rest.repos.getCollaboratorPermissionLevel({
        owner: 'acme',
        repo: 'secret',
        username: 'bob',
      }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('needs the installation’s workflows permission to move a ref onto changed workflows', async () => {
    const dotfiles = world.gh.repo('alice/dotfiles');
    await dotfiles.push({
      branch: 'ci',
      files: { '.github/workflows/ci.yml': 'on: push\n' },
      message: 'ci',
      by: 'alice',
    });
    const head = await alice.rest.git.getRef({ owner: 'alice', repo: 'dotfiles', ref: 'heads/ci' });
    await expect(
      alice.rest.git.createRef({
        owner: 'alice',
        repo: 'dotfiles',
        ref: 'refs/heads/ci-copy',
        sha: head.data.object.sha,
      }),
    ).rejects.toMatchObject({
      status: 422,
      response: {
        data: {
          message:
            'refusing to allow a GitHub App to create or update workflow `.github/workflows/ci.yml` without `workflows` permission',
        },
      },
    });
  });

  it('narrows to one repository with repository_id, and ignores one the app cannot reach', async () => {
    const widgets = world.gh.world.repo('acme/widgets')!;
    const narrowed = await octokitAs(world.gh, world.sluice, 'alice', {
      repository_id: String(widgets.id),
    });
    expect((await narrowed.rest.repos.get({ owner: 'acme', repo: 'widgets' })).status).toBe(200);
    await expect(
      narrowed.rest.repos.get({ owner: 'alice', repo: 'dotfiles' }),
    ).rejects.toMatchObject({
      status: 404,
    });
    const installations = await narrowed.rest.apps.listInstallationsForAuthenticatedUser();
    expect(installations.data.installations.map((i) => i.id)).toEqual([world.installs.acme.id]);

    const tools = world.gh.world.repo('globex/tools')!;
    const ignored = await octokitAs(world.gh, world.sluice, 'alice', {
      repository_id: String(tools.id),
    });
    expect((await ignored.rest.repos.get({ owner: 'alice', repo: 'dotfiles' })).status).toBe(200);
  });

  it('is refused what only an installation or a user access token may do', async () => {
    const pat = octokitWith(world.gh, world.gh.createUser('bob').token);
    await expect(pat.rest.apps.listInstallationsForAuthenticatedUser()).rejects.toMatchObject({
      status: 403,
      response: {
        data: {
          message:
            'You must authenticate with an access token authorized to a GitHub App in order to list installations',
        },
      },
    });
    expect((await pat.rest.users.getAuthenticated()).data.login).toBe('bob');
    await expect(alice.rest.apps.listReposAccessibleToInstallation()).rejects.toMatchObject({
      status: 403,
    });
    const installation = new ProbotOctokit({
      auth: {
        appId: world.sluice.app.id,
        privateKey: world.sluice.privateKey,
        installationId: world.installs.acme.id,
      },
      baseUrl: world.gh.apiUrl,
      throttle: { enabled: false },
      retry: { enabled: false },
    });
    await expect(installation.rest.users.getAuthenticated()).rejects.toMatchObject({
      status: 403,
      response: { data: { message: 'Resource not accessible by integration' } },
    });
  });

  it('stays clean through all of it', () => {
    expect(world.gh.world.violations).toEqual([]);
  });

  it('records GraphQL with a user access token as unimplemented rather than answering with the user’s full rights', async () => {
    await expect(
      alice.graphql('query { repository(owner: "acme", name: "secret") { id } }'),
    ).rejects.toMatchObject({
      status: 501,
    });
    expect(world.gh.world.violations.map((v) => [v.kind, v.subject])).toEqual([
      ['unimplemented', 'graphql with a user access token'],
    ]);
  });
});
