import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChangelogGitHubKit } from './support/changelog-github-kit.js';
import { openPullRequest } from '../../fake-github/control/pull-ops.js';
import { findPublishedRelease } from '../../fake-github/domain/releases.js';
import { buildRepository, removeTempDirs } from '../changelog/support/build-repository.js';
import type { HistoryStep } from '../changelog/support/history-fixture.js';
import type { ActionInputs } from '../../../action/src/inputs.js';
import { updateChangelog, type ChangelogPorts } from '../../../action/src/update-changelog.js';
import { DEFAULT_CHANGELOG_CONFIG } from '../../../src/changelog/index.js';
import {
  createOctokitReleasePort,
  createOctokitTitleLookup,
} from '../../../src/changelog-github/index.js';

// Async: the local GitHub serves the push from this very process.
const run = promisify(execFile);
const commit = (message: string): HistoryStep => ({ kind: 'commit', label: undefined, message });

/** The Action's release step with the real ports, wired the way `action/src/run.ts` does. */
describe('the Action updating GitHub Releases on the local GitHub', () => {
  let kit: ChangelogGitHubKit;
  let token: string;

  beforeAll(async () => {
    kit = await ChangelogGitHubKit.start();
    token = await kit.installationToken();
    await openPullRequest(kit.gh.services, {
      repo: kit.repo,
      author: 'maintainer',
      branch: 'feature/csv',
      title: 'feat(export): CSV export',
      commits: [{ message: 'Add CSV export', files: { 'csv.ts': 'export {};\n' } }],
    });
  });
  afterAll(async () => {
    removeTempDirs();
    await kit.close();
  });

  /**
   * The Action runs in a checkout of the GitHub repository, so the commits it describes exist
   * on GitHub too: push the built history there (over smart HTTP) before running it.
   */
  async function onGitHub(inputs: ActionInputs): Promise<ActionInputs> {
    const remote = new URL(`/acme/widgets.git`, kit.gh.url);
    remote.username = 'x-access-token';
    remote.password = token;
    await run('git', [
      '-C',
      inputs.workspace,
      'push',
      '--quiet',
      remote.href,
      `HEAD:refs/heads/release-${++pushes}`,
    ]);
    return inputs;
  }
  let pushes = 0;

  function anInputs(overrides: Partial<ActionInputs>): ActionInputs {
    const { dir } = buildRepository([
      commit('chore: initial'),
      { kind: 'tag', name: 'v1.0.0' },
      commit('sluice: merge 1'),
      commit('fix: handle empty input (#2)'),
    ]);
    return {
      workspace: dir,
      from: undefined,
      to: 'HEAD',
      changelogPath: undefined,
      configPath: '.github/sluice.yml',
      token,
      dryRun: false,
      releaseTag: 'v1.1.0',
      commit: false,
      repository: { owner: 'acme', repo: 'widgets' },
      apiUrl: kit.gh.apiUrl,
      repositoryUrl: undefined,
      ...overrides,
    };
  }

  function portsFor(inputs: ActionInputs): ChangelogPorts {
    const repository = {
      ...inputs.repository!,
      token: inputs.token!,
      baseUrl: inputs.apiUrl,
    };
    return {
      titles: createOctokitTitleLookup(repository),
      releases: createOctokitReleasePort(repository),
    };
  }

  const releaseCalls = (since: number) =>
    kit.callsSince(since).filter((call) => call.includes('release'));

  it('creates the missing release with the named notes, then a second run changes nothing', async () => {
    const inputs = await onGitHub(anInputs({ releaseTag: 'v1.1.0' }));
    const since = kit.requestCount;
    const first = await updateChangelog(inputs, DEFAULT_CHANGELOG_CONFIG, portsFor(inputs));
    expect(first.release).toBe('created');
    expect(findPublishedRelease(kit.repo, 'v1.1.0')?.body).toBe(
      `<!-- sluice:release-notes:start -->\n${first.markdown.trim()}\n<!-- sluice:release-notes:end -->`,
    );
    expect(first.markdown).toContain('- CSV export (#1)');
    expect(first.releaseLocation).toEqual({
      id: findPublishedRelease(kit.repo, 'v1.1.0')?.id,
      url: expect.stringMatching(/\/acme\/widgets\/releases\/tag\/v1\.1\.0$/),
    });
    // Tagged at the commit the notes describe, not at the default branch's tip.
    const { stdout: described } = await run('git', ['-C', inputs.workspace, 'rev-parse', 'HEAD']);
    expect(await kit.repo.git.resolveCommit('refs/tags/v1.1.0')).toBe(described.trim());
    const again = kit.requestCount;
    const second = await updateChangelog(inputs, DEFAULT_CHANGELOG_CONFIG, portsFor(inputs));
    expect(second.release).toBe('unchanged');
    expect(second.releaseLocation).toEqual(first.releaseLocation);
    expect(releaseCalls(since)).toEqual([
      'repos/get-release-by-tag 404',
      'repos/list-releases 200',
      'repos/create-release 201',
      'repos/get-release-by-tag 200',
    ]);
    expect(releaseCalls(again)).toEqual(['repos/get-release-by-tag 200']);
    kit.gh.assertClean();
  });

  it("updates an existing release around the maintainer's own text", async () => {
    const made = await kit.gh
      .repo('acme/widgets')
      .release({ tagName: 'v1.2.0', body: 'Thanks to all contributors!', by: 'maintainer' });
    const inputs = await onGitHub(anInputs({ releaseTag: 'v1.2.0' }));
    const outcome = await updateChangelog(inputs, DEFAULT_CHANGELOG_CONFIG, portsFor(inputs));
    expect(outcome.release).toBe('updated');
    expect(outcome.releaseLocation).toEqual({
      id: made.id,
      url: expect.stringMatching(/\/acme\/widgets\/releases\/tag\/v1\.2\.0$/),
    });
    expect(findPublishedRelease(kit.repo, 'v1.2.0')).toMatchObject({
      id: made.id,
      body: `Thanks to all contributors!\n\n<!-- sluice:release-notes:start -->\n${outcome.markdown.trim()}\n<!-- sluice:release-notes:end -->`,
    });
    kit.gh.assertClean();
  });

  it('sends no release request at all on a dry run', async () => {
    const inputs = anInputs({ releaseTag: 'v1.3.0', dryRun: true });
    const since = kit.requestCount;
    const outcome = await updateChangelog(inputs, DEFAULT_CHANGELOG_CONFIG, portsFor(inputs));
    expect(outcome.release).toBe('skipped');
    expect(outcome.markdown).toContain('- CSV export (#1)');
    expect(kit.callsSince(since)).toEqual(['issues/get 200']);
    expect(findPublishedRelease(kit.repo, 'v1.3.0')).toBeUndefined();
    kit.gh.assertClean();
  });
});
