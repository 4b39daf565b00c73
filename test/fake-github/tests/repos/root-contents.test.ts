import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startRepoWorld, type RepoWorld } from './support/repo-world.js';

/** What octokit/fixtures `get-content` recorded for `GET /repos/o/r/contents/` on GitHub. */
describe('the repository root through repos/get-content', () => {
  let world: RepoWorld;
  let firstCommit: string;
  const api = () => `${world.gh.apiUrl}/repos/acme/widgets`;

  beforeAll(async () => {
    world = await startRepoWorld({ files: { 'README.md': 'hello\n', 'src/a.ts': 'a\n' } });
    firstCommit = (await world.repo.git.resolveRef('refs/heads/main'))!;
    await world.repo.git.commitFiles({
      branch: 'main',
      files: { 'LATER.md': 'later\n' },
      message: 'Add a file',
      author: { name: 'a', email: 'a@example.com' },
      date: world.gh.world.clock.tick(),
    });
  });
  afterAll(() => world.gh.close());

  it('answers 200 with the listing of the default branch for an empty path', async () => {
    const { status, data } = await world.app.rest.repos.getContent({
      owner: 'acme',
      repo: 'widgets',
      path: '',
    });
    expect(status).toBe(200);
    if (!Array.isArray(data)) throw new Error('expected a directory listing');
    expect(data.map((e) => [e.type, e.path])).toEqual([
      ['file', 'LATER.md'],
      ['file', 'README.md'],
      ['dir', 'src'],
    ]);
    const readme = data.find((e) => e.path === 'README.md')!;
    expect(readme).toMatchObject({
      name: 'README.md',
      size: 'hello\n'.length,
      url: `${api()}/contents/README.md?ref=main`,
      git_url: `${api()}/git/blobs/${readme.sha}`,
      _links: { self: `${api()}/contents/README.md?ref=main` },
    });
    expect(world.gh.world.violations).toEqual([]);
  });

  it.each([
    ['without a trailing slash', 'GET /repos/acme/widgets/contents'],
    ['with a trailing slash', 'GET /repos/acme/widgets/contents/'],
  ])('answers the same listing %s', async (_, route) => {
    const answer = await world.app.request(route);
    expect(answer.status).toBe(200);
    expect((answer.data as { path: string }[]).map((e) => e.path)).toEqual([
      'LATER.md',
      'README.md',
      'src',
    ]);
  });

  it('lists the root at the commit `ref` names, with links pinned to that ref', async () => {
    const answer = await world.app.request('GET /repos/acme/widgets/contents/?ref={ref}', {
      ref: firstCommit,
    });
    const listing = answer.data as { path: string; url: string }[];
    expect(listing.map((e) => e.path)).toEqual(['README.md', 'src']);
    expect(listing[0]!.url).toBe(`${api()}/contents/README.md?ref=${firstCommit}`);
  });

  it('answers 404 for the root of a ref that names no commit', async () => {
    await expect(
      world.app.rest.repos.getContent({ owner: 'acme', repo: 'widgets', path: '', ref: 'nope' }),
    ).rejects.toMatchObject({
      status: 404,
      response: { data: { message: 'No commit found for the ref nope' } },
    });
  });
});
