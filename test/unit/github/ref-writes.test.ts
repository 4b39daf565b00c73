import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitHubKit } from './support/github-kit.js';
import type { RepoState } from '../../fake-github/world/types.js';

describe('moving, creating and deleting branches', () => {
  let kit: GitHubKit;
  beforeAll(async () => {
    kit = await GitHubKit.start();
  });
  afterAll(() => kit.close());

  /** A repository with `main` and a commit `ahead` on top of it (on branch `next`). */
  async function repoWithTwoCommits(): Promise<{ repo: RepoState; main: string; ahead: string }> {
    const repo = await kit.repo();
    const main = (await repo.git.resolveRef('refs/heads/main'))!;
    await repo.git.createRef('refs/heads/next', main);
    const { sha: ahead } = await repo.git.commitFiles({
      branch: 'next',
      files: { 'b.txt': 'b\n' },
      message: 'Add b',
      author: { name: 'alice', email: 'alice@example.com' },
      date: kit.gh.world.clock.tick(),
    });
    return { repo, main, ahead };
  }

  it('creates a missing branch whose name has slashes, then reads it back', async () => {
    const { repo, main } = await repoWithTwoCommits();
    const port = kit.port(repo);
    expect(await port.setBranch('sluice/staging/main', main, { force: false })).toEqual({
      kind: 'ok',
    });
    expect(await repo.git.resolveRef('refs/heads/sluice/staging/main')).toBe(main);
    expect(await port.branchSha('sluice/staging/main')).toBe(main);
    expect(kit.requests('git/create-ref').at(-1)?.body).toMatchObject({
      ref: 'refs/heads/sluice/staging/main',
    });
    kit.gh.assertClean();
  });

  it('fast-forwards an existing branch through PATCH heads/x', async () => {
    const { repo, ahead } = await repoWithTwoCommits();
    expect(await kit.port(repo).setBranch('main', ahead, { force: false })).toEqual({ kind: 'ok' });
    expect(await repo.git.resolveRef('refs/heads/main')).toBe(ahead);
    expect(kit.requests('git/update-ref').at(-1)).toMatchObject({
      status: 200,
      path: expect.stringMatching(/\/git\/refs\/heads(%2F|\/)main$/),
    });
    kit.gh.assertClean();
  });

  it('refuses a move that is not a fast forward unless forced', async () => {
    const { repo, main, ahead } = await repoWithTwoCommits();
    const port = kit.port(repo);
    expect(await port.setBranch('next', main, { force: false })).toEqual({
      kind: 'rejected',
      message: '422 Update is not a fast forward',
    });
    expect(await repo.git.resolveRef('refs/heads/next')).toBe(ahead);
    expect(await port.setBranch('next', main, { force: true })).toEqual({ kind: 'ok' });
    expect(await repo.git.resolveRef('refs/heads/next')).toBe(main);
    kit.gh.assertClean();
  });

  it('loses a race to a push between read and write without overwriting it', async () => {
    const { repo, main, ahead } = await repoWithTwoCommits();
    let pushed = '';
    kit.gh.races.add('git/update-ref', async () => {
      pushed = (
        await repo.git.commitFiles({
          branch: 'main',
          files: { 'c.txt': 'c\n' },
          message: 'Someone pushes',
          author: { name: 'bob', email: 'bob@example.com' },
          date: kit.gh.world.clock.tick(),
        })
      ).sha;
    });
    const outcome = await kit.port(repo).setBranch('main', ahead, { force: false });
    expect(outcome).toMatchObject({ kind: 'rejected' });
    expect(await repo.git.resolveRef('refs/heads/main')).toBe(pushed);
    expect(pushed).not.toBe(main);
    kit.gh.assertClean();
  });

  it('reports an answer lost after the write as unknown, sent exactly once', async () => {
    const { repo, ahead } = await repoWithTwoCommits();
    kit.gh.faults.add({ op: 'git/update-ref', status: 502, times: 1, when: 'after' });
    const before = kit.requests('git/update-ref').length;
    expect(await kit.port(repo).setBranch('main', ahead, { force: false })).toMatchObject({
      kind: 'unknown',
    });
    expect(kit.requests('git/update-ref')).toHaveLength(before + 1);
    expect(await repo.git.resolveRef('refs/heads/main')).toBe(ahead);
    kit.gh.assertClean();
  });

  it('reports a dropped connection as unknown too', async () => {
    const { repo, ahead } = await repoWithTwoCommits();
    kit.gh.faults.add({ op: 'git/create-ref', drop: true, times: 1 });
    expect(await kit.port(repo).setBranch('sluice/new', ahead, { force: false })).toMatchObject({
      kind: 'unknown',
    });
    kit.gh.assertClean();
  });

  it('deletes a branch, and says missing when it is already gone', async () => {
    const { repo } = await repoWithTwoCommits();
    const port = kit.port(repo);
    expect(await port.deleteBranch('next')).toEqual({ kind: 'ok' });
    expect(await port.branchSha('next')).toBeUndefined();
    expect(await port.deleteBranch('next')).toEqual({ kind: 'missing' });
    kit.gh.assertClean();
  });

  it('sets a branch in another repository of the owner', async () => {
    const { repo, main } = await repoWithTwoCommits();
    const other = await kit.repo();
    await other.git.git(['fetch', '--quiet', repo.git.gitDir, `${main}:refs/heads/imported`]);
    const outcome = await kit
      .port(repo)
      .setBranchIn(other.fullName, 'feature/x', main, { force: false });
    expect(outcome).toEqual({ kind: 'ok' });
    expect(await other.git.resolveRef('refs/heads/feature/x')).toBe(main);
    kit.gh.assertClean();
  });
});
