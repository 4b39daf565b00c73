import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { startReleaseWorld, widgets, type ReleaseWorld } from './support/release-world.js';
import { releasesOf } from '../../domain/releases.js';

describe('repos/create-release answers like GitHub', () => {
  let world: ReleaseWorld;
  let first: string;

  beforeAll(async () => {
    world = await startReleaseWorld();
    first = (await world.repo.git.resolveRef('refs/heads/main'))!;
  });
  afterEach(async () => {
    await world.drain();
    world.gh.assertClean();
  });
  afterAll(() => world.gh.close());

  const tagOf = (tag: string) => world.repo.git.resolveRef(`refs/tags/${tag}`);
  const commitOnMain = (file: string) =>
    world.gh.repo('acme/widgets').push({
      branch: 'main',
      files: { [file]: `${file}\n` },
      message: `Add ${file}`,
      by: 'acme',
    });

  it('publishes a release and pushes its tag at the tip of the default branch', async () => {
    const { status, data, headers } = await world.app.rest.repos.createRelease({
      ...widgets,
      tag_name: 'v1.0.0',
      name: 'v1.0.0',
      body: 'First!',
    });
    expect(status).toBe(201);
    expect(headers.location).toBe(data.url);
    expect(data).toMatchObject({
      tag_name: 'v1.0.0',
      target_commitish: 'main',
      name: 'v1.0.0',
      body: 'First!',
      draft: false,
      prerelease: false,
      author: { login: 'releaser[bot]', type: 'Bot' },
      assets: [],
    });
    expect(data.html_url).toBe(`${world.gh.url}/acme/widgets/releases/tag/v1.0.0`);
    expect(data.published_at).toBe(data.updated_at);
    const commit = await world.repo.git.readCommit(first);
    expect(data.created_at).toBe(commit!.committer.date.toISOString().replace('.000', ''));
    expect(await tagOf('v1.0.0')).toBe(first);
    expect(await world.drain()).toEqual([
      { event: 'push', action: undefined, subject: 'refs/tags/v1.0.0', sender: 'releaser[bot]' },
      { event: 'release', action: 'created', subject: 'v1.0.0', sender: 'releaser[bot]' },
      { event: 'release', action: 'published', subject: 'v1.0.0', sender: 'releaser[bot]' },
      { event: 'release', action: 'released', subject: 'v1.0.0', sender: 'releaser[bot]' },
    ]);
  });

  it('tags the commit target_commitish names, a branch or a sha', async () => {
    await world.repo.git.createRef('refs/heads/feature', first);
    const feature = await world.gh
      .repo('acme/widgets')
      .push({ branch: 'feature', files: { 'f.txt': 'f\n' }, message: 'Feature', by: 'acme' });
    await world.app.rest.repos.createRelease({
      ...widgets,
      tag_name: 'v1.1.0-beta',
      target_commitish: 'feature',
      prerelease: true,
    });
    await world.app.rest.repos.createRelease({
      ...widgets,
      tag_name: 'v0.9',
      target_commitish: first,
    });
    expect(await tagOf('v1.1.0-beta')).toBe(feature);
    expect(await tagOf('v0.9')).toBe(first);
    const heard = await world.drain();
    expect(heard.filter((h) => h.subject === 'v1.1.0-beta').map((h) => h.action)).toEqual([
      'created',
      'published',
      'prereleased',
    ]);
  });

  it('uses an existing tag and ignores target_commitish then', async () => {
    const newer = await commitOnMain('newer.txt');
    await world.repo.git.createRef('refs/tags/v2.0.0', first);
    const { data } = await world.app.rest.repos.createRelease({
      ...widgets,
      tag_name: 'v2.0.0',
      target_commitish: newer,
    });
    expect(await tagOf('v2.0.0')).toBe(first);
    expect(data.target_commitish).toBe(newer);
    expect((await world.drain()).map((h) => h.subject)).not.toContain('refs/tags/v2.0.0');
  });

  it('saves a draft without a tag, and lets drafts share a tag name', async () => {
    const draft = async () =>
      (await world.app.rest.repos.createRelease({ ...widgets, tag_name: 'v3.0.0', draft: true }))
        .data;
    const [one, two] = [await draft(), await draft()];
    expect(one.id).not.toBe(two.id);
    expect(one).toMatchObject({ draft: true, published_at: null, tarball_url: null, name: null });
    expect(one.html_url).toMatch(/\/acme\/widgets\/releases\/tag\/untagged-[0-9a-f]+$/);
    expect(await tagOf('v3.0.0')).toBeUndefined();
    const published = await world.app.rest.repos.createRelease({ ...widgets, tag_name: 'v3.0.0' });
    expect(published.data.draft).toBe(false);
    expect(await world.drain()).toEqual([
      { event: 'release', action: 'created', subject: 'v3.0.0', sender: 'releaser[bot]' },
      { event: 'release', action: 'created', subject: 'v3.0.0', sender: 'releaser[bot]' },
      { event: 'push', action: undefined, subject: 'refs/tags/v3.0.0', sender: 'releaser[bot]' },
      { event: 'release', action: 'created', subject: 'v3.0.0', sender: 'releaser[bot]' },
      { event: 'release', action: 'published', subject: 'v3.0.0', sender: 'releaser[bot]' },
      { event: 'release', action: 'released', subject: 'v3.0.0', sender: 'releaser[bot]' },
    ]);
  });

  it('answers 422 already_exists for a second published release of a tag', async () => {
    await world.app.rest.repos.createRelease({ ...widgets, tag_name: 'v4.0.0' });
    await world.drain();
    const count = releasesOf(world.repo).size;
    await expect(
      world.app.rest.repos.createRelease({ ...widgets, tag_name: 'v4.0.0', body: 'again' }),
    ).rejects.toMatchObject({
      status: 422,
      response: {
        data: {
          message: 'Validation Failed',
          errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
        },
      },
    });
    expect(releasesOf(world.repo).size).toBe(count);
    expect(await world.drain()).toEqual([]);
  });

  it('answers 422 for a target that names no commit and for a malformed tag name', async () => {
    const count = releasesOf(world.repo).size;
    await expect(
      world.app.rest.repos.createRelease({ ...widgets, tag_name: 'v5', target_commitish: 'nope' }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ field: 'target_commitish', code: 'invalid' }] } },
    });
    await expect(
      world.app.rest.repos.createRelease({ ...widgets, tag_name: 'bad..name' }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ field: 'tag_name', code: 'invalid' }] } },
    });
    expect(releasesOf(world.repo).size).toBe(count);
    expect(await tagOf('v5')).toBeUndefined();
  });

  it('uses a tag pushed while the release was being made', async () => {
    const newer = await commitOnMain('racer.txt');
    world.gh.races.add('repos/create-release', async () => {
      await world.repo.git.createRef('refs/tags/v6.0.0', first);
    });
    const { data } = await world.app.rest.repos.createRelease({
      ...widgets,
      tag_name: 'v6.0.0',
      target_commitish: newer,
    });
    expect(await tagOf('v6.0.0')).toBe(first);
    const commit = await world.repo.git.readCommit(first);
    expect(data.created_at).toBe(commit!.committer.date.toISOString().replace('.000', ''));
  });
});

describe('who may create a release', () => {
  let world: ReleaseWorld;
  beforeAll(async () => {
    world = await startReleaseWorld();
  });
  afterAll(() => world.gh.close());

  it('needs contents: write of an installation, and says so', async () => {
    const reader = world.installation('reader', { contents: 'read' });
    await expect(
      reader.rest.repos.createRelease({ ...widgets, tag_name: 'v1' }),
    ).rejects.toMatchObject({
      status: 403,
      response: { headers: { 'x-accepted-github-permissions': 'contents=write' } },
    });
    const none = world.installation('no-contents', { issues: 'write' });
    await expect(none.rest.repos.getReleaseByTag({ ...widgets, tag: 'v1' })).rejects.toMatchObject({
      status: 403,
    });
    world.gh.assertClean();
  });

  it('needs push access of a person; the release is theirs', async () => {
    await expect(
      world.user('visitor').rest.repos.createRelease({ ...widgets, tag_name: 'v1' }),
    ).rejects.toMatchObject({ status: 403 });
    const { data } = await world
      .user('maintainer', 'write')
      .rest.repos.createRelease({ ...widgets, tag_name: 'v1' });
    expect(data.author.login).toBe('maintainer');
    const read = await world.user('visitor').rest.repos.getReleaseByTag({ ...widgets, tag: 'v1' });
    expect(read.data.id).toBe(data.id);
    world.gh.assertClean();
  });

  it('refuses what the stand-in does not model instead of ignoring it', async () => {
    await expect(
      world.app.rest.repos.createRelease({
        ...widgets,
        tag_name: 'v2',
        discussion_category_name: 'Announcements',
      }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      world.app.rest.repos.createRelease({
        ...widgets,
        tag_name: 'v2',
        generate_release_notes: true,
      }),
    ).rejects.toMatchObject({ status: 501 });
    expect(world.gh.world.violations.map((v) => [v.kind, v.detail])).toEqual([
      ['unimplemented', 'generate_release_notes'],
    ]);
    world.gh.assertClean({ allow: ['unimplemented'] });
  });
});
