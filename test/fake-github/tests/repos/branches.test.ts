import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ProbotOctokit } from 'probot';
import { startRepoWorld, type RepoWorld } from './support/repo-world.js';
import { addRuleset, setBranchProtection } from '../../control/repo-ops.js';

describe('branches, protection and rules answer like GitHub', () => {
  let world: RepoWorld;
  const repoParams = { owner: 'acme', repo: 'widgets' };

  beforeAll(async () => {
    world = await startRepoWorld();
    const { repo, gh } = world;
    const main = (await repo.git.resolveRef('refs/heads/main'))!;
    for (const branch of ['release/1.0', 'reviewed', 'plain'])
      await repo.git.createRef(`refs/heads/${branch}`, main);
    setBranchProtection(gh.services, {
      repo,
      branch: 'main',
      protection: { requiredChecks: ['build', { context: 'test', appId: 15368 }], strict: true },
    });
    setBranchProtection(gh.services, {
      repo,
      branch: 'reviewed',
      protection: { requiredApprovals: 2 },
    });
    addRuleset(gh.services, {
      repo,
      name: 'default',
      branches: ['~DEFAULT_BRANCH'],
      requiredChecks: ['lint'],
      requiredApprovals: 1,
    });
    addRuleset(gh.services, {
      repo,
      name: 'releases',
      branches: ['release/*'],
      requiredChecks: [{ context: 'e2e', integrationId: 15368 }],
    });
  });
  afterAll(() => world.gh.close());

  it('summarises protection on the branch itself', async () => {
    const { data: main } = await world.app.rest.repos.getBranch({ ...repoParams, branch: 'main' });
    expect(main).toMatchObject({
      name: 'main',
      protected: true,
      protection: {
        enabled: true,
        required_status_checks: { enforcement_level: 'non_admins', contexts: ['build', 'test'] },
      },
    });
    const { data: plain } = await world.app.rest.repos.getBranch({
      ...repoParams,
      branch: 'plain',
    });
    expect(plain).toMatchObject({
      protected: false,
      protection: {
        enabled: false,
        required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] },
      },
    });
    expect(main.commit.sha).toBe(await world.repo.git.resolveRef('refs/heads/main'));
    await expect(
      world.app.rest.repos.getBranch({ ...repoParams, branch: 'nope' }),
    ).rejects.toMatchObject({ status: 404, response: { data: { message: 'Branch not found' } } });
    expect(world.gh.world.violations).toEqual([]);
  });

  it('shows the protection rule and its required checks to an app with administration: read', async () => {
    const { data } = await world.app.rest.repos.getBranchProtection({
      ...repoParams,
      branch: 'main',
    });
    expect(data.required_status_checks).toMatchObject({
      strict: true,
      contexts: ['build', 'test'],
      checks: [
        { context: 'build', app_id: null },
        { context: 'test', app_id: 15368 },
      ],
    });
    expect(data.required_pull_request_reviews).toBeUndefined();
    const { data: checks } = await world.app.rest.repos.getStatusChecksProtection({
      ...repoParams,
      branch: 'main',
    });
    expect(checks).toMatchObject({ strict: true, contexts: ['build', 'test'] });
    const { data: reviewed } = await world.app.rest.repos.getBranchProtection({
      ...repoParams,
      branch: 'reviewed',
    });
    expect(reviewed.required_pull_request_reviews?.required_approving_review_count).toBe(2);
    expect(world.gh.world.violations).toEqual([]);
  });

  it('answers 404 "Branch not protected" and "Required status checks not enabled"', async () => {
    await expect(
      world.app.rest.repos.getBranchProtection({ ...repoParams, branch: 'plain' }),
    ).rejects.toMatchObject({
      status: 404,
      response: { data: { message: 'Branch not protected' } },
    });
    await expect(
      world.app.rest.repos.getStatusChecksProtection({ ...repoParams, branch: 'reviewed' }),
    ).rejects.toMatchObject({
      status: 404,
      response: { data: { message: 'Required status checks not enabled' } },
    });
  });

  it('refuses protection to an installation without the administration permission, but serves rules', async () => {
    const { gh } = world;
    const other = gh.registerApp({
      slug: 'no-admin',
      permissions: { contents: 'read', metadata: 'read' },
      events: [],
    });
    const installation = gh.install(other.app, { account: 'acme' });
    const octokit = new ProbotOctokit({
      auth: { appId: other.app.id, privateKey: other.privateKey, installationId: installation.id },
      baseUrl: gh.apiUrl,
      throttle: { enabled: false },
      retry: { enabled: false },
    });
    const refused = await octokit.rest.repos
      .getBranchProtection({ ...repoParams, branch: 'main' })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({
      status: 403,
      response: {
        data: { message: 'Resource not accessible by integration' },
        headers: { 'x-accepted-github-permissions': 'administration=read' },
      },
    });
    const { data: rules } = await octokit.rest.repos.getBranchRules({
      ...repoParams,
      branch: 'main',
    });
    expect(rules.map((r) => r.type)).toEqual(['required_status_checks', 'pull_request']);
  });

  it('lists the rules of every ruleset that targets the branch, and none elsewhere', async () => {
    const { data: main } = await world.app.rest.repos.getBranchRules({
      ...repoParams,
      branch: 'main',
    });
    expect(main).toEqual([
      expect.objectContaining({
        type: 'required_status_checks',
        ruleset_source_type: 'Repository',
        ruleset_source: 'acme/widgets',
        parameters: expect.objectContaining({ required_status_checks: [{ context: 'lint' }] }),
      }),
      expect.objectContaining({
        type: 'pull_request',
        parameters: expect.objectContaining({ required_approving_review_count: 1 }),
      }),
    ]);
    const { data: release } = await world.app.rest.repos.getBranchRules({
      ...repoParams,
      branch: 'release/1.0',
    });
    expect(release).toEqual([
      expect.objectContaining({
        parameters: expect.objectContaining({
          required_status_checks: [{ context: 'e2e', integration_id: 15368 }],
        }),
      }),
    ]);
    const { data: plain } = await world.app.rest.repos.getBranchRules({
      ...repoParams,
      branch: 'plain',
    });
    expect(plain).toEqual([]);
    expect(world.gh.world.violations).toEqual([]);
  });
});
