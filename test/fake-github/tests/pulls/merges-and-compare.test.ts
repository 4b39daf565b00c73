import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PullKit } from './pull-kit.js';
import type { RepoState } from '../../world/types.js';

describe('POST /merges and three-dot compare', () => {
  let kit: PullKit;
  beforeAll(async () => {
    kit = await PullKit.start();
  });
  afterAll(() => kit.close());

  const commitOn = (repo: RepoState, branch: string, files: Record<string, string>) =>
    kit.commit(repo, branch, files);
  const branchFromMain = (repo: RepoState, branch: string) => kit.branch(repo, branch);

  it('answers 201 with a two-parent merge commit, then 204 when there is nothing left to merge', async () => {
    const repo = await kit.repo();
    await branchFromMain(repo, 'feature/x');
    const head = await commitOn(repo, 'feature/x', { 'x.txt': 'x\n' });
    const base = await commitOn(repo, 'main', { 'm.txt': 'm\n' });
    const repos = kit.app().rest.repos;
    const created = await repos.merge({
      owner: 'acme',
      repo: repo.name,
      base: 'main',
      head: 'feature/x',
    });
    expect(created.status).toBe(201);
    expect(created.data.parents.map((p) => p.sha)).toEqual([base, head]);
    expect(created.data.commit.message).toBe('Merge feature/x into main');
    expect(await repo.git.resolveRef('refs/heads/main')).toBe(created.data.sha);
    expect(
      (await repos.merge({ owner: 'acme', repo: repo.name, base: 'main', head: 'feature/x' }))
        .status,
    ).toBe(204);
    await kit.waitFor(repo, 'push', undefined, (r) => r.payload.after === created.data.sha);
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('answers 409 "Merge conflict" and 404 for a missing base or head', async () => {
    const repo = await kit.repo();
    await branchFromMain(repo, 'clash');
    await commitOn(repo, 'clash', { 'src/a.ts': 'export const a = 2;\n' });
    await commitOn(repo, 'main', { 'src/a.ts': 'export const a = 3;\n' });
    const repos = kit.app().rest.repos;
    await expect(
      repos.merge({ owner: 'acme', repo: repo.name, base: 'main', head: 'clash' }),
    ).rejects.toMatchObject({ status: 409, response: { data: { message: 'Merge conflict' } } });
    await expect(
      repos.merge({ owner: 'acme', repo: repo.name, base: 'nope', head: 'clash' }),
    ).rejects.toMatchObject({
      status: 404,
      response: { data: { message: 'Base does not exist' } },
    });
    await expect(
      repos.merge({ owner: 'acme', repo: repo.name, base: 'main', head: 'nope' }),
    ).rejects.toMatchObject({
      status: 404,
      response: { data: { message: 'Head does not exist' } },
    });
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('reports identical, ahead, behind and diverged, with refs containing slashes', async () => {
    const repo = await kit.repo();
    await branchFromMain(repo, 'sluice/staging/1');
    const compare = async (basehead: string) =>
      (
        await kit
          .app()
          .rest.repos.compareCommitsWithBasehead({ owner: 'acme', repo: repo.name, basehead })
      ).data;
    expect((await compare('main...sluice/staging/1')).status).toBe('identical');
    await commitOn(repo, 'sluice/staging/1', { 's.txt': 's\n' });
    const ahead = await compare('main...sluice/staging/1');
    expect([ahead.status, ahead.ahead_by, ahead.behind_by, ahead.total_commits]).toEqual([
      'ahead',
      1,
      0,
      1,
    ]);
    expect(ahead.files?.map((f) => [f.filename, f.status, f.patch])).toEqual([
      ['s.txt', 'added', '@@ -0,0 +1 @@\n+s'],
    ]);
    expect((await compare('sluice/staging/1...main')).status).toBe('behind');
    await commitOn(repo, 'main', { 'm.txt': 'm\n' });
    const diverged = await compare('main...sluice/staging/1');
    expect([diverged.status, diverged.ahead_by, diverged.behind_by]).toEqual(['diverged', 1, 1]);
    expect(diverged.merge_base_commit.sha).not.toBe(diverged.base_commit.sha);
    await expect(compare('main...nope')).rejects.toMatchObject({ status: 404 });
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('pages compare commits with a Link header when asked to', async () => {
    const repo = await kit.repo();
    await branchFromMain(repo, 'long');
    for (const n of [1, 2, 3]) await commitOn(repo, 'long', { [`f${n}.txt`]: `${n}\n` });
    const { data, headers } = await kit.app().rest.repos.compareCommitsWithBasehead({
      owner: 'acme',
      repo: repo.name,
      basehead: 'main...long',
      per_page: 2,
    });
    expect([data.total_commits, data.commits.length]).toEqual([3, 2]);
    expect(headers.link).toContain('rel="next"');
    expect(kit.gh.world.violations).toEqual([]);
  });
});
