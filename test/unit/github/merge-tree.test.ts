import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitHubKit } from './support/github-kit.js';
import { openPull } from './support/open-pull.js';

describe('building the staging tree with GitHub merges into a scratch branch', () => {
  let kit: GitHubKit;
  beforeAll(async () => {
    kit = await GitHubKit.start();
  });
  afterAll(() => kit.close());

  const scratch = 'sluice/scratch/main';

  it('merges several heads onto base and returns the tree that holds them all', async () => {
    const repo = await kit.repo();
    const base = (await repo.git.resolveRef('refs/heads/main'))!;
    const one = await openPull(kit, repo, { branch: 'one' });
    const two = await openPull(kit, repo, { branch: 'two' });
    const result = await kit.port(repo).mergeTree(base, [one.headSha, two.headSha], scratch);
    expect(result).toMatchObject({ kind: 'clean' });
    const tree = result.kind === 'clean' ? result.treeSha : '';
    const paths = (await repo.git.readTree(tree)).map((e) => e.path).sort();
    expect(paths).toEqual(['README.md', 'one.txt', 'src', 'two.txt']);
    expect(kit.requests('repos/merge').map((r) => r.status)).toEqual([201, 201]);
    kit.gh.assertClean();
  });

  it('gives the tree after each head, with one reset of the scratch branch, up to a head that conflicts', async () => {
    const repo = await kit.repo();
    const base = (await repo.git.resolveRef('refs/heads/main'))!;
    const one = await openPull(kit, repo, { branch: 'one' });
    const left = await openPull(kit, repo, {
      branch: 'left',
      commits: [{ message: 'l', files: { 'src/a.ts': 'left\n' } }],
    });
    const right = await openPull(kit, repo, {
      branch: 'right',
      commits: [{ message: 'r', files: { 'src/a.ts': 'right\n' } }],
    });
    const before = kit.gh.world.requests.length;
    const merges = await kit
      .port(repo)
      .mergeTrees(base, [one.headSha, base, left.headSha, right.headSha], scratch);
    // The scratch branch set once (moved, or created where it is missing), then a merge per head.
    const operations = kit.operationsSince(before);
    expect(operations.slice(-4)).toEqual([
      'repos/merge',
      'repos/merge',
      'repos/merge',
      'repos/merge',
    ]);
    expect(new Set(operations.slice(0, -4))).toEqual(new Set(['git/update-ref', 'git/create-ref']));
    expect(merges.stop).toEqual({ kind: 'conflict' });
    expect(merges.trees).toHaveLength(3);
    expect(merges.trees[1]).toBeNull(); // the base changes nothing
    const paths = async (tree: string | null) =>
      (await repo.git.readTree(tree!)).map((e) => e.path).sort();
    expect(await paths(merges.trees[0]!)).toEqual(['README.md', 'one.txt', 'src']);
    const withLeft = await repo.git.readTree(merges.trees[2]!);
    expect(withLeft.map((e) => e.path).sort()).toEqual(['README.md', 'one.txt', 'src']);
    expect(merges.trees[2]).not.toBe(merges.trees[0]);
    kit.gh.assertClean();
  });

  it('forces a leftover scratch branch back to base before merging, and leaves it for reuse', async () => {
    const repo = await kit.repo();
    const base = (await repo.git.resolveRef('refs/heads/main'))!;
    const stale = await openPull(kit, repo, { branch: 'stale' });
    await repo.git.createRef(`refs/heads/${scratch}`, stale.headSha);
    const fresh = await openPull(kit, repo, { branch: 'fresh' });
    const result = await kit.port(repo).mergeTree('main', [fresh.headSha], scratch);
    const tree = result.kind === 'clean' ? result.treeSha : '';
    const paths = (await repo.git.readTree(tree)).map((e) => e.path);
    expect(paths).toContain('fresh.txt');
    expect(paths).not.toContain('stale.txt');
    const tip = (await repo.git.resolveRef(`refs/heads/${scratch}`))!;
    expect((await repo.git.readCommit(tip))?.parents).toEqual([base, fresh.headSha]);
    kit.gh.assertClean();
  });

  it('gives the base tree when base already contains every head (204)', async () => {
    const repo = await kit.repo();
    const base = (await repo.git.resolveRef('refs/heads/main'))!;
    const result = await kit.port(repo).mergeTree(base, [base], scratch);
    expect(result).toEqual({ kind: 'clean', treeSha: (await repo.git.readCommit(base))!.tree });
    kit.gh.assertClean();
  });

  it('reports a conflict when a head cannot merge (409)', async () => {
    const repo = await kit.repo();
    const base = (await repo.git.resolveRef('refs/heads/main'))!;
    const left = await openPull(kit, repo, {
      branch: 'left',
      commits: [{ message: 'l', files: { 'src/a.ts': 'left\n' } }],
    });
    const right = await openPull(kit, repo, {
      branch: 'right',
      commits: [{ message: 'r', files: { 'src/a.ts': 'right\n' } }],
    });
    expect(await kit.port(repo).mergeTree(base, [left.headSha, right.headSha], scratch)).toEqual({
      kind: 'conflict',
    });
    kit.gh.assertClean();
  });

  it('reports unknown when a merge answer is lost, and sends that merge once', async () => {
    const repo = await kit.repo();
    const base = (await repo.git.resolveRef('refs/heads/main'))!;
    const head = await openPull(kit, repo);
    kit.gh.faults.add({ op: 'repos/merge', status: 500, times: 1, when: 'after' });
    const before = kit.requests('repos/merge').length;
    expect(await kit.port(repo).mergeTree(base, [head.headSha], scratch)).toMatchObject({
      kind: 'unknown',
    });
    expect(kit.requests('repos/merge')).toHaveLength(before + 1);
    kit.gh.assertClean();
  });

  it('commits a tree on chosen parents with a fixed author, and reads the commit back', async () => {
    const repo = await kit.repo();
    const base = (await repo.git.resolveRef('refs/heads/main'))!;
    const head = await openPull(kit, repo);
    const port = kit.port(repo);
    const merged = await port.mergeTree(base, [head.headSha], scratch);
    const tree = merged.kind === 'clean' ? merged.treeSha : '';
    const author = { name: 'Alice', email: 'alice@example.com', date: '2026-01-05T09:00:00Z' };
    const created = await port.createCommit({
      tree,
      parents: [base],
      message: 'feat: x (#1)',
      author,
    });
    expect(created).toEqual({
      sha: expect.stringMatching(/^[0-9a-f]{40}$/),
      tree,
      parents: [base],
      message: 'feat: x (#1)',
    });
    expect(await port.getCommit(created.sha)).toEqual(created);
    expect(kit.requests('git/create-commit').at(-1)?.body).toMatchObject({ author });
    kit.gh.assertClean();
  });
});
