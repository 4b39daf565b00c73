import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChangelogGitHubKit, type TokenKind } from './support/changelog-github-kit.js';
import { openPullRequest } from '../../fake-github/control/pull-ops.js';
import { createPlainIssue } from '../../fake-github/control/repo-ops.js';
import {
  createLazyTitleLookup,
  createOctokitTitleLookup,
  GitHubRequestError,
  titleLookupFromEnvironment,
} from '../../../src/changelog-github/index.js';

describe('the Octokit TitleLookup against the local GitHub', () => {
  let kit: ChangelogGitHubKit;
  let pull: number;
  let issue: number;

  beforeAll(async () => {
    kit = await ChangelogGitHubKit.start();
    const services = kit.gh.services;
    pull = (
      await openPullRequest(services, {
        repo: kit.repo,
        author: 'maintainer',
        branch: 'feature/csv',
        title: 'feat(export): CSV export',
        commits: [{ message: 'Add CSV export', files: { 'csv.ts': 'export {};\n' } }],
      })
    ).number;
    issue = (
      await createPlainIssue(services, { repo: kit.repo, title: 'Crash on empty input', by: 'bob' })
    ).number;
  });
  afterAll(() => kit.close());

  it.each<TokenKind>(['GITHUB_TOKEN', 'personal token'])(
    'names a pull request and a plain issue by number with a %s',
    async (kind) => {
      const lookup = createOctokitTitleLookup(kit.repository(await kit.token(kind)));
      expect(await lookup.titleOf(pull)).toBe('feat(export): CSV export');
      expect(await lookup.titleOf(issue)).toBe('Crash on empty input');
      kit.gh.assertClean();
    },
  );

  it('answers undefined for a number GitHub does not know', async () => {
    const lookup = createOctokitTitleLookup(kit.repository(kit.personalToken()));
    const since = kit.requestCount;
    expect(await lookup.titleOf(999)).toBeUndefined();
    expect(kit.callsSince(since)).toEqual(['issues/get 404']);
    kit.gh.assertClean();
  });

  it('throws a GitHubRequestError naming the request when GitHub refuses it', async () => {
    const token = await kit.installationToken({ contents: 'read' });
    const lookup = createOctokitTitleLookup(kit.repository(token));
    const failure = await lookup.titleOf(pull).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(GitHubRequestError);
    expect(failure).toMatchObject({
      message: `GET issue #${pull} of acme/widgets failed`,
      cause: { status: 403 },
    });
    kit.gh.assertClean();
  });

  it('loads Octokit and calls GitHub only when first asked', async () => {
    const since = kit.requestCount;
    const lookup = createLazyTitleLookup(kit.repository(kit.personalToken()));
    expect(kit.callsSince(since)).toEqual([]);
    expect(await lookup.titleOf(issue)).toBe('Crash on empty input');
    expect(await lookup.titleOf(issue)).toBe('Crash on empty input');
    expect(kit.callsSince(since)).toEqual(['issues/get 200', 'issues/get 200']);
    kit.gh.assertClean();
  });

  it('reads the token, API URL and repository from the environment, as the CLI does', async () => {
    const env = {
      GITHUB_TOKEN: kit.personalToken(),
      GITHUB_API_URL: kit.gh.apiUrl,
      GITHUB_REPOSITORY: 'acme/widgets',
    };
    const lookup = await titleLookupFromEnvironment(process.cwd(), env);
    expect(await lookup?.titleOf(pull)).toBe('feat(export): CSV export');
    const { GITHUB_TOKEN: _, ...offline } = env;
    expect(await titleLookupFromEnvironment(process.cwd(), offline)).toBeUndefined();
    kit.gh.assertClean();
  });
});
