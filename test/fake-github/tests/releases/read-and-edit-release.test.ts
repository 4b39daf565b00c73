import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startReleaseWorld, widgets, type ReleaseWorld } from './support/release-world.js';

describe('repos/get-release-by-tag and repos/update-release answer like GitHub', () => {
  let world: ReleaseWorld;
  let first: string;

  beforeAll(async () => {
    world = await startReleaseWorld();
    first = (await world.repo.git.resolveRef('refs/heads/main'))!;
  });
  afterAll(() => world.gh.close());

  const handle = () => world.gh.repo('acme/widgets');
  const tagOf = (tag: string) => world.repo.git.resolveRef(`refs/tags/${tag}`);

  it('finds a published release by its tag, also one with a slash in it', async () => {
    const made = await handle().release({ tagName: 'release/1.0', body: 'Notes', by: 'acme' });
    const { data } = await world.app.rest.repos.getReleaseByTag({ ...widgets, tag: 'release/1.0' });
    expect(data).toMatchObject({ id: made.id, tag_name: 'release/1.0', body: 'Notes' });
    expect(data.author.login).toBe('acme');
    expect(await tagOf('release/1.0')).toBe(first);
    await world.drain();
    world.gh.assertClean();
  });

  it('answers 404 for a tag without a release and for a tag only drafts have', async () => {
    await world.repo.git.createRef('refs/tags/plain', first);
    await handle().release({ tagName: 'v9.9.9', draft: true, by: 'acme' });
    for (const tag of ['nothing', 'plain', 'v9.9.9']) {
      await expect(world.app.rest.repos.getReleaseByTag({ ...widgets, tag })).rejects.toMatchObject(
        { status: 404, response: { data: { message: 'Not Found' } } },
      );
    }
    await world.drain();
    world.gh.assertClean();
  });

  it('lists drafts first, then releases newest first; drafts only to those who can push', async () => {
    const older = await handle().release({ tagName: 'list/1', by: 'acme' });
    const newer = await handle().release({ tagName: 'list/2', by: 'acme' });
    const draft = await handle().release({ tagName: 'list/3', draft: true, by: 'acme' });
    const listed = async (client: Pick<typeof world.app, 'paginate' | 'rest'>) =>
      (await client.paginate(client.rest.repos.listReleases, { ...widgets, per_page: 2 }))
        .map((r) => r.id)
        .filter((id) => [older.id, newer.id, draft.id].includes(id));
    expect(await listed(world.app)).toEqual([draft.id, newer.id, older.id]);
    const reader = world.installation('reader', { contents: 'read' });
    expect(await listed(reader)).toEqual([newer.id, older.id]);
    expect(await listed(world.user('dora', 'write'))).toEqual([draft.id, newer.id, older.id]);
    expect(await listed(world.user('rita', 'read'))).toEqual([newer.id, older.id]);
    await world.drain();
    world.gh.assertClean();
  });

  it('changes only the fields given, and says what changed in release.edited', async () => {
    const made = await handle().release({
      tagName: 'v1.0.0',
      name: 'One',
      body: 'Old',
      by: 'acme',
    });
    await world.drain();
    const { status, data } = await world.app.rest.repos.updateRelease({
      ...widgets,
      release_id: made.id,
      body: 'New',
    });
    expect(status).toBe(200);
    expect(data).toMatchObject({ id: made.id, name: 'One', body: 'New', tag_name: 'v1.0.0' });
    expect(data.published_at).toBe(made.publishedAt!.toISOString().replace('.000', ''));
    expect(Date.parse(data.updated_at!)).toBeGreaterThan(made.publishedAt!.getTime());
    expect(await world.drain()).toEqual([
      {
        event: 'release',
        action: 'edited',
        subject: 'v1.0.0',
        sender: 'releaser[bot]',
        changes: { body: { from: 'Old' } },
      },
    ]);
    world.gh.assertClean();
  });

  it('answers 404 for a release that does not exist', async () => {
    await expect(
      world.app.rest.repos.updateRelease({ ...widgets, release_id: 1, body: 'x' }),
    ).rejects.toMatchObject({ status: 404 });
    world.gh.assertClean();
  });

  it('publishes a draft: its tag is pushed then, and it can be found by tag', async () => {
    const draft = await handle().release({ tagName: 'v2.0.0', draft: true, by: 'acme' });
    await world.drain();
    expect(await tagOf('v2.0.0')).toBeUndefined();
    const { data } = await world.app.rest.repos.updateRelease({
      ...widgets,
      release_id: draft.id,
      draft: false,
    });
    expect(data.draft).toBe(false);
    expect(data.published_at).not.toBeNull();
    expect(data.html_url).toMatch(/\/releases\/tag\/v2\.0\.0$/);
    expect(await tagOf('v2.0.0')).toBe(first);
    const found = await world.app.rest.repos.getReleaseByTag({ ...widgets, tag: 'v2.0.0' });
    expect(found.data.id).toBe(draft.id);
    expect((await world.drain()).map((h) => `${h.event}.${h.action ?? ''} ${h.subject}`)).toEqual([
      'push. refs/tags/v2.0.0',
      'release.published v2.0.0',
      'release.released v2.0.0',
    ]);
    world.gh.assertClean();
  });

  it('refuses to publish a draft, or retag a release, onto a tag another release has', async () => {
    await handle().release({ tagName: 'v3.0.0', by: 'acme' });
    const draft = await handle().release({ tagName: 'v3.0.0', draft: true, by: 'acme' });
    const other = await handle().release({ tagName: 'v3.0.1', by: 'acme' });
    await world.drain();
    const alreadyExists = {
      status: 422,
      response: { data: { errors: [{ resource: 'Release', code: 'already_exists' }] } },
    };
    await expect(
      world.app.rest.repos.updateRelease({ ...widgets, release_id: draft.id, draft: false }),
    ).rejects.toMatchObject(alreadyExists);
    await expect(
      world.app.rest.repos.updateRelease({ ...widgets, release_id: other.id, tag_name: 'v3.0.0' }),
    ).rejects.toMatchObject(alreadyExists);
    expect(await world.drain()).toEqual([]);
    world.gh.assertClean();
  });

  it('retags a release onto a new tag, pushed where its target_commitish points now', async () => {
    const newer = await handle().push({
      branch: 'main',
      files: { 'b.txt': 'b\n' },
      message: 'B',
      by: 'acme',
    });
    const made = await handle().release({ tagName: 'v4.0.0-rc', prerelease: true, by: 'acme' });
    await world.drain();
    const { data } = await world.app.rest.repos.updateRelease({
      ...widgets,
      release_id: made.id,
      tag_name: 'v4.0.0',
      prerelease: false,
    });
    expect(data).toMatchObject({ tag_name: 'v4.0.0', prerelease: false, target_commitish: 'main' });
    expect(await tagOf('v4.0.0')).toBe(newer);
    // The old tag stays: retagging a release deletes nothing.
    expect(await tagOf('v4.0.0-rc')).toBe(newer);
    const heard = await world.drain();
    expect(heard.map((h) => `${h.event}.${h.action ?? ''} ${h.subject}`)).toEqual([
      'push. refs/tags/v4.0.0',
      'release.edited v4.0.0',
      'release.released v4.0.0',
    ]);
    expect(heard[1]!.changes).toEqual({ tag_name: { from: 'v4.0.0-rc' } });
    world.gh.assertClean();
  });

  it('turns a published release back into a draft, which the tag no longer finds', async () => {
    const made = await handle().release({ tagName: 'v5.0.0', by: 'acme' });
    await world.drain();
    const { data } = await world.app.rest.repos.updateRelease({
      ...widgets,
      release_id: made.id,
      draft: true,
    });
    expect(data).toMatchObject({ draft: true, published_at: null });
    await expect(
      world.app.rest.repos.getReleaseByTag({ ...widgets, tag: 'v5.0.0' }),
    ).rejects.toMatchObject({ status: 404 });
    expect((await world.drain()).map((h) => h.action)).toEqual(['unpublished']);
    world.gh.assertClean();
  });
});
