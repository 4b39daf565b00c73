import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitHubKit } from './support/github-kit.js';
import { openPull } from './support/open-pull.js';
import { pushCommits } from '../../fake-github/domain/pulls/push-commits.js';

describe('the files a conflict is likely in', () => {
  let kit: GitHubKit;
  beforeAll(async () => {
    kit = await GitHubKit.start();
  });
  afterAll(() => kit.close());

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
