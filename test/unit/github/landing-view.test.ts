import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitHubKit } from './support/github-kit.js';
import { openPull } from './support/open-pull.js';
import { addRuleset, setBranchProtection } from '../../fake-github/control/repo-ops.js';

describe('the fresh read before landing', () => {
  let kit: GitHubKit;
  beforeAll(async () => {
    kit = await GitHubKit.start();
  });
  afterAll(() => kit.close());

  const input = { base: 'main', configPath: '.github/sluice.yml' };

  it('brings the PR, the base tip, what guards the base and the config in one request', async () => {
    const repo = await kit.repo({
      files: { 'README.md': 'hi\n', '.github/sluice.yml': 'checks:\n  required: [lint]\n' },
    });
    setBranchProtection(kit.services, {
      repo,
      branch: 'main',
      protection: { requiredChecks: ['build'], requiredApprovals: 1 },
    });
    addRuleset(kit.services, {
      repo,
      name: 'gate',
      branches: ['~DEFAULT_BRANCH'],
      requiredChecks: ['test'],
      requiredApprovals: 2,
    });
    const { number, headSha } = await openPull(kit, repo, { title: 'feat: x' });
    const before = kit.gh.world.requests.length;

    const view = await kit.port(repo).landingView([number], input);

    expect(kit.operationsSince(before)).toEqual(['graphql/repository+repository']);
    expect(view?.pull).toMatchObject({ number, headSha, state: 'open', headWritable: true });
    expect(view?.pulls).toEqual([{ ...view?.pull, mergeCommitSha: null }]);
    expect(view?.baseSha).toBe(await repo.git.resolveRef('refs/heads/main'));
    expect(view?.policy).toEqual({ checks: ['build', 'test'], approvals: 2, unreadable: [] });
    expect(view?.configText).toBe('checks:\n  required: [lint]\n');
    expect(view?.repositoryId).toMatch(/\S/);
    kit.gh.assertClean();
  });

  it('reads no config when the default branch has none, and nothing required when nothing guards the base', async () => {
    const repo = await kit.repo();
    const { number } = await openPull(kit, repo);
    const view = await kit.port(repo).landingView([number], input);
    expect(view?.configText).toBeNull();
    expect(view?.policy).toEqual({ checks: [], approvals: 0, unreadable: [] });
    kit.gh.assertClean();
  });

  it('says branch protection is unreadable without the Administration permission, and still reads the rest', async () => {
    const repo = await kit.repo();
    setBranchProtection(kit.services, {
      repo,
      branch: 'main',
      protection: { requiredChecks: ['hidden'] },
    });
    addRuleset(kit.services, { repo, name: 'gate', branches: ['main'], requiredChecks: ['ci'] });
    const { number } = await openPull(kit, repo);
    const view = await kit.port(repo, 'sluice-lite').landingView([number], input);
    expect(view?.policy).toEqual({
      checks: ['ci'],
      approvals: 0,
      unreadable: ['branch protection'],
    });
    expect(view?.pull.number).toBe(number);
    kit.gh.assertClean();
  });

  it('is undefined for a PR that does not exist', async () => {
    const repo = await kit.repo();
    expect(await kit.port(repo).landingView([999], input)).toBeUndefined();
    kit.gh.assertClean();
  });
});
