import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startRepoWorld, type RepoWorld } from './support/repo-world.js';
import { createGitClient, type GitClient } from '../harness/support/git-client.js';

const profile = '# Acme\n';
const sharedConfig = 'required_labels:\n  - merge-queue\n';

/** GitHub allows names that start with a dot: `.github` holds an organisation's shared files. */
describe('a repository whose name starts with a dot', () => {
  let world: RepoWorld;
  let git: GitClient;
  const where = { owner: 'acme', repo: '.github' };

  beforeAll(async () => {
    world = await startRepoWorld();
    await world.gh.createRepo({
      fullName: 'acme/.github',
      files: { 'profile/README.md': profile, '.github/sluice.yml': sharedConfig },
    });
    git = await createGitClient();
  });
  afterAll(async () => {
    await git.close();
    await world.gh.close();
  });

  it('serves a file of acme/.github through the REST contents API', async () => {
    const path = '.github/sluice.yml';
    const { data } = await world.app.rest.repos.getContent({ ...where, path });
    if (Array.isArray(data) || data.type !== 'file') throw new Error('expected a file');
    expect(Buffer.from(data.content, 'base64').toString('utf8')).toBe(sharedConfig);
    expect(data.url).toBe(`${world.gh.apiUrl}/repos/acme/.github/contents/${path}?ref=main`);
    expect(world.gh.world.violations).toEqual([]);
  });

  it("lets a repository's config `_extends: .github` the way Probot reads it", async () => {
    await world.repo.git.commitFiles({
      branch: 'main',
      files: { '.github/sluice.yml': '_extends: .github\nmerge_method: squash\n' },
      message: 'Inherit the organisation config',
      author: { name: 'a', email: 'a@example.com' },
      date: world.gh.world.clock.tick(),
    });
    const { config, files } = await world.app.config.get({
      owner: 'acme',
      repo: 'widgets',
      path: '.github/sluice.yml',
    });
    expect(config).toEqual({ required_labels: ['merge-queue'], merge_method: 'squash' });
    expect(files.map((f) => `${f.owner}/${f.repo}`)).toEqual(['acme/widgets', 'acme/.github']);
  });

  it('answers the repository and its root listing like any other', async () => {
    const { data: repo } = await world.app.rest.repos.get(where);
    expect(repo.full_name).toBe('acme/.github');
    const { data: root } = await world.app.rest.repos.getContent({ ...where, path: '' });
    expect(Array.isArray(root) && root.map((e) => e.path)).toEqual(['.github', 'profile']);
  });

  it('clones over git smart HTTP at acme/.github.git', async () => {
    const work = await git.clone({
      baseUrl: world.gh.url,
      repo: 'acme/.github',
      token: world.gh.createUser('alice').token,
    });
    expect(await readFile(join(work, 'profile/README.md'), 'utf8')).toBe(profile);
  });

  it.each([
    ['.', 'reserved'],
    ['..', 'reserved'],
    ['widgets.git', 'what the clone URL adds'],
    ['has space', 'outside the alphabet'],
    ['x'.repeat(101), 'over 100 characters'],
  ])('refuses the name %j (%s)', async (name) => {
    await expect(world.gh.createRepo({ fullName: `acme/${name}` })).rejects.toThrow(
      'Invalid repository name',
    );
    expect(world.gh.world.repo(`acme/${name}`)).toBeUndefined();
  });

  it('still refuses an owner that starts with a dot', async () => {
    await expect(world.gh.createRepo({ fullName: '.acme/widgets' })).rejects.toThrow(
      'Invalid repository name',
    );
  });
});
