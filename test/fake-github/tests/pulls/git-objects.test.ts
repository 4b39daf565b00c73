import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PullKit } from './pull-kit.js';

describe('git data: blobs, trees and commits through the REST API', () => {
  let kit: PullKit;
  beforeAll(async () => {
    kit = await PullKit.start();
  });
  afterAll(() => kit.close());

  it('builds a commit from blobs and trees (base_tree, inline content, deletion) and reads it back', async () => {
    const repo = await kit.repo();
    const git = kit.app().rest.git;
    const owner = 'acme';
    const main = (await repo.git.readCommit('refs/heads/main'))!;
    const blob = await git.createBlob({
      owner,
      repo: repo.name,
      content: Buffer.from('binary\u0000ok').toString('base64'),
      encoding: 'base64',
    });
    expect(blob.status).toBe(201);
    const tree = await git.createTree({
      owner,
      repo: repo.name,
      base_tree: main.tree,
      tree: [
        { path: 'bin/data', mode: '100644', type: 'blob', sha: blob.data.sha },
        { path: 'notes/new.md', mode: '100644', type: 'blob', content: 'new\n' },
        { path: 'README.md', mode: '100644', type: 'blob', sha: null },
      ],
    });
    const listed = await git.getTree({
      owner,
      repo: repo.name,
      tree_sha: tree.data.sha,
      recursive: 'true',
    });
    expect(listed.data.tree.map((e) => `${e.type} ${e.path}`)).toEqual([
      'tree bin',
      'blob bin/data',
      'tree notes',
      'blob notes/new.md',
      'tree src',
      'blob src/a.ts',
    ]);
    const commit = await git.createCommit({
      owner,
      repo: repo.name,
      message: 'built by hand',
      tree: tree.data.sha,
      parents: [main.sha],
      author: { name: 'Ann', email: 'ann@example.com', date: '2026-01-01T00:00:00Z' },
    });
    expect(commit.data).toMatchObject({
      message: 'built by hand',
      tree: { sha: tree.data.sha },
      parents: [{ sha: main.sha }],
      author: { name: 'Ann', date: '2026-01-01T00:00:00Z' },
      committer: { name: 'Ann' },
      verification: { verified: false, reason: 'unsigned' },
    });
    expect(
      (await git.getCommit({ owner, repo: repo.name, commit_sha: commit.data.sha })).data.sha,
    ).toBe(commit.data.sha);
    const read = await git.getBlob({ owner, repo: repo.name, file_sha: blob.data.sha });
    expect(Buffer.from(read.data.content, 'base64').toString()).toBe('binary\u0000ok');
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('refuses commits naming missing objects and answers 404 for unknown commits, trees and blobs', async () => {
    const repo = await kit.repo();
    const git = kit.app().rest.git;
    const missing = 'f'.repeat(40);
    const main = (await repo.git.readCommit('refs/heads/main'))!;
    await expect(
      git.createCommit({ owner: 'acme', repo: repo.name, message: 'x', tree: missing }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      git.createCommit({
        owner: 'acme',
        repo: repo.name,
        message: 'x',
        tree: main.tree,
        parents: [missing],
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      git.getCommit({ owner: 'acme', repo: repo.name, commit_sha: missing }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      git.getTree({ owner: 'acme', repo: repo.name, tree_sha: missing }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      git.getBlob({ owner: 'acme', repo: repo.name, file_sha: missing }),
    ).rejects.toMatchObject({ status: 404 });
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('serves repos/get-commit by branch or sha with stats and files, and 422 for an unknown ref', async () => {
    const repo = await kit.repo();
    const { sha } = await repo.git.commitFiles({
      branch: 'main',
      files: { 'src/a.ts': 'export const a = 2;\n', 'b.txt': 'b\n' },
      message: 'two files\n',
      author: { name: 'alice', email: 'alice@example.com' },
      date: kit.gh.world.clock.tick(),
    });
    const repos = kit.app().rest.repos;
    const { data } = await repos.getCommit({ owner: 'acme', repo: repo.name, ref: 'main' });
    expect(data).toMatchObject({
      sha,
      commit: { message: 'two files' },
      author: { login: 'alice' },
      stats: { additions: 2, deletions: 1, total: 3 },
    });
    expect(data.files?.map((f) => [f.filename, f.status])).toEqual([
      ['b.txt', 'added'],
      ['src/a.ts', 'modified'],
    ]);
    await expect(
      repos.getCommit({ owner: 'acme', repo: repo.name, ref: 'nope' }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { message: 'No commit found for SHA: nope' } },
    });
    expect(kit.gh.world.violations).toEqual([]);
  });
});
