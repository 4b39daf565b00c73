import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitHubKit } from './support/github-kit.js';
import { openPull } from './support/open-pull.js';
import { pushToPullRequest } from '../../fake-github/control/pull-ops.js';
import { pushCommits } from '../../fake-github/domain/pulls/push-commits.js';

describe('reading what a PR is made of', () => {
  let kit: GitHubKit;
  beforeAll(async () => {
    kit = await GitHubKit.start();
  });
  afterAll(() => kit.close());

  it('lists commit authors once each, in commit order, without app bots', async () => {
    const repo = await kit.repo();
    const { number } = await openPull(kit, repo, {
      commits: [
        { message: 'one', files: { 'one.txt': '1\n' } },
        { message: 'two', files: { 'two.txt': '2\n' } },
      ],
    });
    kit.gh.world.account('renovate[bot]', 'Bot');
    await pushToPullRequest(kit.services, {
      repo,
      number,
      by: 'bob',
      commits: [{ message: 'three', files: { 'three.txt': '3\n' } }],
    });
    await pushToPullRequest(kit.services, {
      repo,
      number,
      by: 'renovate[bot]',
      commits: [{ message: 'deps', files: { 'deps.txt': 'd\n' } }],
    });
    await pushToPullRequest(kit.services, {
      repo,
      number,
      by: 'alice',
      commits: [{ message: 'four', files: { 'four.txt': '4\n' } }],
    });
    const [alice, bob] = ['alice', 'bob'].map((login) => kit.gh.world.account(login));
    expect(await kit.port(repo).commitAuthors(number)).toEqual([
      { name: alice!.name, email: alice!.email },
      { name: bob!.name, email: bob!.email },
    ]);
    kit.gh.assertClean();
  });

  it('names the files both the PR and base changed since they diverged, renames included', async () => {
    const repo = await kit.repo();
    const { number } = await openPull(kit, repo, {
      commits: [
        {
          message: 'pr',
          files: {
            'src/a.ts': 'export const a = 2;\n',
            'pr-only.txt': 'p\n',
            'README.md': null,
            'README.txt': 'hello\n',
          },
        },
      ],
    });
    const baseSha = await pushCommits(kit.services, {
      repo,
      branch: 'main',
      by: kit.gh.world.account('bob'),
      commits: [
        {
          message: 'base',
          files: {
            'src/a.ts': 'export const a = 3;\n',
            'README.md': 'hello!\n',
            'base-only.txt': 'b\n',
          },
        },
      ],
    });
    expect(await kit.port(repo).conflictCandidates(number, baseSha)).toEqual([
      'README.md',
      'src/a.ts',
    ]);
    kit.gh.assertClean();
  });
});
