import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitHubKit } from './support/github-kit.js';
import { addRuleset, setBranchProtection } from '../../fake-github/control/repo-ops.js';

describe('what a branch requires before a merge', () => {
  let kit: GitHubKit;
  beforeAll(async () => {
    kit = await GitHubKit.start();
  });
  afterAll(() => kit.close());

  it('joins branch protection and rulesets: every required check, the strictest approval count', async () => {
    const repo = await kit.repo();
    setBranchProtection(kit.services, {
      repo,
      branch: 'main',
      protection: {
        requiredChecks: ['build', { context: 'test', appId: 15368 }],
        requiredApprovals: 1,
      },
    });
    addRuleset(kit.services, {
      repo,
      name: 'gate',
      branches: ['~DEFAULT_BRANCH'],
      requiredChecks: ['test', 'lint'],
      requiredApprovals: 2,
    });
    expect(await kit.port(repo).requiredPolicy('main')).toEqual({
      checks: ['build', 'test', 'lint'],
      approvals: 2,
      unreadable: [],
    });
    kit.gh.assertClean();
  });

  it('reads rulesets alone when the branch is not protected (404)', async () => {
    const repo = await kit.repo();
    addRuleset(kit.services, { repo, name: 'gate', branches: ['main'], requiredChecks: ['ci'] });
    expect(await kit.port(repo).requiredPolicy('main')).toEqual({
      checks: ['ci'],
      approvals: 0,
      unreadable: [],
    });
    expect(kit.requests('repos/get-branch-protection').at(-1)?.status).toBe(404);
    kit.gh.assertClean();
  });

  it('requires nothing of a branch nobody guards', async () => {
    const repo = await kit.repo();
    expect(await kit.port(repo).requiredPolicy('main')).toEqual({
      checks: [],
      approvals: 0,
      unreadable: [],
    });
    kit.gh.assertClean();
  });

  it('says branch protection is unreadable without the Administration permission, and still reads rulesets', async () => {
    const repo = await kit.repo();
    setBranchProtection(kit.services, {
      repo,
      branch: 'main',
      protection: { requiredChecks: ['hidden'] },
    });
    addRuleset(kit.services, {
      repo,
      name: 'gate',
      branches: ['main'],
      requiredChecks: ['visible'],
      requiredApprovals: 1,
    });
    expect(await kit.port(repo, 'sluice-lite').requiredPolicy('main')).toEqual({
      checks: ['visible'],
      approvals: 1,
      unreadable: ['branch protection'],
    });
    expect(kit.requests('repos/get-branch-protection').at(-1)?.status).toBe(403);
    kit.gh.assertClean();
  });
});
