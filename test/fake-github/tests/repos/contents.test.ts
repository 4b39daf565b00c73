import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startRepoWorld, type RepoWorld } from './support/repo-world.js';

const config = 'merge_method: squash\nrequired_labels:\n  - merge-queue\n';
const longFile = `${'0123456789'.repeat(10)}\n`;

describe('repos/get-content answers like GitHub', () => {
  let world: RepoWorld;
  let firstCommit: string;

  beforeAll(async () => {
    world = await startRepoWorld({
      files: { 'README.md': 'hello\n', 'src/long.txt': longFile, '.github/sluice.yml': config },
    });
    firstCommit = (await world.repo.git.resolveRef('refs/heads/main'))!;
    await world.repo.git.createRef('refs/tags/v1', firstCommit);
    await world.repo.git.commitFiles({
      branch: 'main',
      files: { 'README.md': 'changed\n' },
      message: 'Change',
      author: { name: 'a', email: 'a@example.com' },
      date: world.gh.world.clock.tick(),
    });
  });
  afterAll(() => world.gh.close());

  it('sends a file as base64 with a newline every 60 characters, and its blob sha', async () => {
    const { data } = await world.app.rest.repos.getContent({
      owner: 'acme',
      repo: 'widgets',
      path: 'src/long.txt',
    });
    if (Array.isArray(data) || data.type !== 'file') throw new Error('expected a file');
    const lines = data.content.split('\n');
    expect(lines.slice(0, -2).every((line) => line.length === 60)).toBe(true);
    expect(lines.at(-1)).toBe('');
    expect(Buffer.from(data.content, 'base64').toString('utf8')).toBe(longFile);
    expect(data).toMatchObject({
      encoding: 'base64',
      name: 'long.txt',
      path: 'src/long.txt',
      size: longFile.length,
    });
    expect(data.sha).toBe((await world.repo.git.readFile('main', 'src/long.txt'))!.sha);
    expect(world.gh.world.violations).toEqual([]);
  });

  it('lists a directory', async () => {
    const { data } = await world.app.rest.repos.getContent({
      owner: 'acme',
      repo: 'widgets',
      path: 'src',
    });
    expect(Array.isArray(data) && data.map((e) => [e.type, e.path])).toEqual([
      ['file', 'src/long.txt'],
    ]);
  });

  it.each([
    ['a branch', 'main', 'changed\n'],
    ['a tag', 'v1', 'hello\n'],
    ['a sha', 'first', 'hello\n'],
  ])('reads at %s given as ref', async (_, ref, expected) => {
    const { data } = await world.app.rest.repos.getContent({
      owner: 'acme',
      repo: 'widgets',
      path: 'README.md',
      ref: ref === 'first' ? firstCommit : ref,
    });
    if (Array.isArray(data) || data.type !== 'file') throw new Error('expected a file');
    expect(Buffer.from(data.content, 'base64').toString('utf8')).toBe(expected);
  });

  it('answers 404 for a missing path and for a ref that names no commit', async () => {
    await expect(
      world.app.rest.repos.getContent({ owner: 'acme', repo: 'widgets', path: 'nope.txt' }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      world.app.rest.repos.getContent({
        owner: 'acme',
        repo: 'widgets',
        path: 'README.md',
        ref: 'no-such-branch',
      }),
    ).rejects.toMatchObject({
      status: 404,
      response: { data: { message: 'No commit found for the ref no-such-branch' } },
    });
    expect(world.gh.world.violations).toEqual([]);
  });

  it("serves Probot's config read: raw media type from .github/, parsed as YAML", async () => {
    const { config: parsed } = await world.app.config.get({
      owner: 'acme',
      repo: 'widgets',
      path: '.github/sluice.yml',
    });
    expect(parsed).toEqual({ merge_method: 'squash', required_labels: ['merge-queue'] });
  });

  it('falls back to the {owner}/.github repository, whose absence is a 404 (no config)', async () => {
    const { config: parsed, files } = await world.app.config.get({
      owner: 'acme',
      repo: 'widgets',
      path: '.github/missing.yml',
    });
    expect(parsed).toEqual({});
    expect(files.map((f) => `${f.owner}/${f.repo}`)).toEqual(['acme/widgets', 'acme/.github']);
    const lookups = world.gh.world.requests
      .filter((r) => r.path.includes('missing.yml'))
      .map((r) => `${r.path.split('/contents')[0]} ${r.status}`);
    expect(lookups).toEqual(['/api/v3/repos/acme/widgets 404', '/api/v3/repos/acme/.github 404']);
    expect(world.gh.world.violations).toEqual([]);
  });
});
