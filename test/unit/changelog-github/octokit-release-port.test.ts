import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChangelogGitHubKit, type TokenKind } from './support/changelog-github-kit.js';
import { findPublishedRelease, releasesOf } from '../../fake-github/domain/releases.js';
import {
  createOctokitReleasePort,
  GitHubRequestError,
} from '../../../src/changelog-github/index.js';

describe('the Octokit ReleasePort against the local GitHub', () => {
  let kit: ChangelogGitHubKit;
  let main: string;

  beforeAll(async () => {
    kit = await ChangelogGitHubKit.start();
    main = (await kit.repo.git.resolveRef('refs/heads/main'))!;
  });
  afterAll(() => kit.close());

  const widgets = () => kit.gh.repo('acme/widgets');
  const port = async (kind: TokenKind = 'GITHUB_TOKEN') =>
    createOctokitReleasePort(kit.repository(await kit.token(kind)));
  /** The release's page, as GitHub's `html_url` gives it. */
  const pageOf = (tag: string) =>
    expect.stringMatching(new RegExp(`/acme/widgets/releases/tag/${tag.replace(/\./g, '\\.')}$`));

  it.each<TokenKind>(['GITHUB_TOKEN', 'personal token'])(
    'finds a release by tag with a %s, and finds nothing for a tag without one',
    async (kind) => {
      const tag = `v1.0.${kind.length}`;
      const made = await widgets().release({ tagName: tag, body: 'Thanks!', by: 'maintainer' });
      const releases = await port(kind);
      expect(await releases.findRelease(tag)).toEqual({
        id: made.id,
        url: pageOf(tag),
        body: 'Thanks!',
      });
      expect(await releases.findRelease('v0.0.0')).toBeUndefined();
      kit.gh.assertClean();
    },
  );

  it('reads a release without a body as an empty one', async () => {
    const made = await widgets().release({ tagName: 'v1.1.0', by: 'maintainer' });
    expect(await (await port()).findRelease('v1.1.0')).toEqual({
      id: made.id,
      url: pageOf('v1.1.0'),
      body: '',
    });
    kit.gh.assertClean();
  });

  it("updates an existing release's body and nothing else", async () => {
    const made = await widgets().release({
      tagName: 'v1.2.0',
      name: 'Spring release',
      body: 'Old notes',
      by: 'maintainer',
    });
    const updated = await (await port()).updateRelease(made.id, 'New notes');
    expect(updated).toEqual({ id: made.id, url: pageOf('v1.2.0') });
    expect(findPublishedRelease(kit.repo, 'v1.2.0')).toMatchObject({
      id: made.id,
      name: 'Spring release',
      body: 'New notes',
      draft: false,
    });
    kit.gh.assertClean();
  });

  it('creates a missing release named after its tag, pushing the tag at the default branch', async () => {
    const since = kit.requestCount;
    const created = await (
      await port()
    ).createRelease('v2.0.0', '### Features\n\n- CSV export (#1)\n');
    expect(kit.callsSince(since)).toEqual(['repos/create-release 201']);
    expect(created).toEqual({
      id: findPublishedRelease(kit.repo, 'v2.0.0')?.id,
      url: pageOf('v2.0.0'),
    });
    expect(findPublishedRelease(kit.repo, 'v2.0.0')).toMatchObject({
      name: 'v2.0.0',
      body: '### Features\n\n- CSV export (#1)\n',
      draft: false,
      prerelease: false,
      author: { type: 'Bot', login: expect.stringMatching(/^actions-\d+\[bot\]$/) },
    });
    expect(await kit.repo.git.resolveRef('refs/tags/v2.0.0')).toBe(main);
    kit.gh.assertClean();
  });

  it('finds the draft prepared for the tag and writes the notes into it, leaving it a draft', async () => {
    const draft = await widgets().release({
      tagName: 'v3.0.0',
      draft: true,
      body: 'Draft',
      by: 'maintainer',
    });
    await widgets().release({ tagName: 'v3.0.1', draft: true, body: 'Other', by: 'maintainer' });
    const releases = await port();
    const found = await releases.findRelease('v3.0.0');
    expect(found).toEqual({ id: draft.id, url: expect.any(String), body: 'Draft' });
    await releases.updateRelease(found!.id, 'Notes');
    const forTag = [...releasesOf(kit.repo).values()].filter((r) => r.tagName === 'v3.0.0');
    expect(forTag.map((r) => [r.id, r.draft, r.body])).toEqual([[draft.id, true, 'Notes']]);
    kit.gh.assertClean();
  });

  it('prefers the published release of a tag over a draft of the same name', async () => {
    const published = await widgets().release({ tagName: 'v3.1.0', body: 'Out', by: 'maintainer' });
    await widgets().release({ tagName: 'v3.1.0', draft: true, body: 'Draft', by: 'maintainer' });
    expect(await (await port()).findRelease('v3.1.0')).toEqual({
      id: published.id,
      url: pageOf('v3.1.0'),
      body: 'Out',
    });
    kit.gh.assertClean();
  });

  it('throws a GitHubRequestError naming the request when GitHub refuses it', async () => {
    await widgets().release({ tagName: 'v4.0.0', by: 'maintainer' });
    const readOnly = createOctokitReleasePort(
      kit.repository(await kit.installationToken({ contents: 'read' })),
    );
    const found = await readOnly.findRelease('v4.0.0');
    expect(found).toBeDefined();
    await expect(readOnly.updateRelease(found!.id, 'x')).rejects.toMatchObject({
      name: 'GitHubRequestError',
      message: `updating release ${found!.id} in acme/widgets failed`,
      cause: { status: 403 },
    });
    await expect(readOnly.createRelease('v4.1.0', 'x')).rejects.toBeInstanceOf(GitHubRequestError);
    const none = createOctokitReleasePort(
      kit.repository(await kit.installationToken({ issues: 'read' })),
    );
    await expect(none.findRelease('v4.0.0')).rejects.toMatchObject({
      message: 'reading the release for v4.0.0 in acme/widgets failed',
      cause: { status: 403 },
    });
    expect(findPublishedRelease(kit.repo, 'v4.1.0')).toBeUndefined();
    kit.gh.assertClean();
  });

  it('surfaces a duplicate tag (422 already_exists) as a GitHubRequestError', async () => {
    await widgets().release({ tagName: 'v5.0.0', by: 'maintainer' });
    await expect((await port()).createRelease('v5.0.0', 'again')).rejects.toMatchObject({
      name: 'GitHubRequestError',
      cause: { status: 422 },
    });
    kit.gh.assertClean();
  });
});
