import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionInputs } from '../../../action/src/inputs.js';
import { EmptyRangeError, updateChangelog } from '../../../action/src/update-changelog.js';
import type { ReleasePort } from '../../../src/changelog/index.js';
import { DEFAULT_CHANGELOG_CONFIG, RELEASE_BODY_LIMIT } from '../../../src/changelog/index.js';
import { buildRepository, removeTempDirs } from '../changelog/support/build-repository.js';
import { parseHistoryFixture } from '../changelog/support/history-fixture.js';
import { fixtures } from '../changelog/support/run-history.js';
import { largeRepository } from './support/large-repository.js';

afterAll(removeTempDirs);

/** GitHub Releases in memory: what the Action would find and what it wrote. */
function fakeReleases(existing: Record<string, string> = {}) {
  const bodies = new Map(Object.entries(existing));
  const calls: string[] = [];
  const ids = [...bodies.keys()];
  const locate = (id: number) => ({ id, url: `https://github.test/releases/tag/${ids[id]}` });
  const port: ReleasePort = {
    findRelease(tag) {
      const body = bodies.get(tag);
      return Promise.resolve(
        body === undefined ? undefined : { ...locate(ids.indexOf(tag)), body },
      );
    },
    updateRelease(id, body) {
      calls.push(`update ${ids[id]}`);
      bodies.set(ids[id] ?? '', body);
      return Promise.resolve(locate(id));
    },
    createRelease(tag, body) {
      calls.push(`create ${tag}`);
      ids.push(tag);
      bodies.set(tag, body);
      return Promise.resolve(locate(ids.length - 1));
    },
  };
  return { port, bodies, calls };
}

function anInputs(overrides: Partial<ActionInputs>): ActionInputs {
  const text = readFileSync(new URL('conventional.history', fixtures), 'utf8');
  return {
    workspace: buildRepository(parseHistoryFixture(text).steps).dir,
    from: undefined,
    to: 'HEAD',
    changelogPath: undefined,
    configPath: '.github/sluice.yml',
    configRequired: false,
    token: 'token',
    dryRun: false,
    releaseTag: 'v1.1.0',
    commit: false,
    repository: { owner: 'acme', repo: 'widgets' },
    apiUrl: undefined,
    repositoryUrl: undefined,
    ...overrides,
  };
}

const config = DEFAULT_CHANGELOG_CONFIG;

describe('updateChangelog with a release tag', () => {
  it('creates the release with the notes between markers, filed under that version', async () => {
    const releases = fakeReleases();
    const outcome = await updateChangelog(anInputs({}), config, {
      titles: undefined,
      releases: releases.port,
    });
    expect(outcome.release).toBe('created');
    // From v1.0.0, with breaking changes in the range.
    expect(outcome.next).toEqual({ kind: 'next', version: 'v2.0.0', bump: 'major' });
    expect(outcome.releaseLocation).toEqual({
      id: 0,
      url: 'https://github.test/releases/tag/v1.1.0',
    });
    expect(outcome.target).toEqual({ kind: 'version', version: 'v1.1.0', date: '2023-11-14' });
    expect(releases.bodies.get('v1.1.0')).toBe(
      `<!-- sluice:release-notes:start -->\n${outcome.markdown.trim()}\n<!-- sluice:release-notes:end -->`,
    );
  });

  it("updates an existing release around the maintainer's text, then leaves it alone", async () => {
    const releases = fakeReleases({ 'v1.1.0': 'Thanks to all contributors!' });
    const inputs = anInputs({});
    const ports = { titles: undefined, releases: releases.port };
    const updated = await updateChangelog(inputs, config, ports);
    expect(updated.release).toBe('updated');
    expect(updated.releaseLocation).toEqual({
      id: 0,
      url: 'https://github.test/releases/tag/v1.1.0',
    });
    expect(releases.bodies.get('v1.1.0')).toMatch(
      /^Thanks to all contributors!\n\n<!-- sluice:release-notes:start -->\n### Breaking changes/,
    );
    const again = await updateChangelog(inputs, config, ports);
    expect(again.release).toBe('unchanged');
    // The release is there and up to date: a re-run still says which one it is.
    expect(again.releaseLocation).toEqual(updated.releaseLocation);
    expect(releases.calls).toEqual(['update v1.1.0']);
  });

  it('touches no release on a dry run', async () => {
    const releases = fakeReleases();
    const outcome = await updateChangelog(anInputs({ dryRun: true }), config, {
      titles: undefined,
      releases: releases.port,
    });
    expect(outcome.release).toBe('skipped');
    expect(outcome.releaseLocation).toBeUndefined();
    expect(releases.calls).toEqual([]);
  });
});

describe('updateChangelog without a way to reach the release', () => {
  it('rejects a release tag it could not publish, before writing the changelog', async () => {
    const inputs = anInputs({ token: undefined, changelogPath: 'CHANGELOG.md' });
    await expect(
      updateChangelog(inputs, config, { titles: undefined, releases: undefined }),
    ).rejects.toThrow(/^release-tag v1\.1\.0 is set, but `token` is empty/);
    expect(existsSync(join(inputs.workspace, 'CHANGELOG.md'))).toBe(false);
  });

  it('names the missing repository when there is a token but no GITHUB_REPOSITORY', async () => {
    const inputs = anInputs({ repository: undefined, dryRun: true });
    await expect(
      updateChangelog(inputs, config, { titles: undefined, releases: undefined }),
    ).rejects.toThrow(/GITHUB_REPOSITORY/);
  });
});

describe("updateChangelog within GitHub's limit on a release", () => {
  it('cuts the notes after a whole entry, names where the rest is, and reports the cut', async () => {
    const releases = fakeReleases({ 'v2.0.0': 'Thanks to all contributors!' });
    const inputs = anInputs({
      workspace: largeRepository(3000),
      releaseTag: 'v2.0.0',
      changelogPath: 'CHANGELOG.md',
      repositoryUrl: 'https://github.com/acme/widgets',
    });
    const outcome = await updateChangelog(inputs, config, {
      titles: undefined,
      releases: releases.port,
    });
    const body = releases.bodies.get('v2.0.0') ?? '';
    expect(outcome.markdown.length).toBeGreaterThan(RELEASE_BODY_LIMIT);
    expect(body.length).toBeLessThanOrEqual(RELEASE_BODY_LIMIT);
    expect(body).toMatch(/^Thanks to all contributors!\n\n<!-- sluice:release-notes:start -->\n/);
    expect(body).toMatch(
      /\(#\d+\)\n\n_… and [\d,]+ more entries not shown: GitHub limits a release to 125,000 characters\. See `CHANGELOG\.md` or \[every change\]\(https:\/\/github\.com\/acme\/widgets\/releases\/tag\/v2\.0\.0\)\._\n<!-- sluice:release-notes:end -->$/,
    );
    expect(outcome.cuts).toEqual([
      expect.stringMatching(
        /^The GitHub Release v2\.0\.0 lists the first [\d,]+ of 3,000 entries: GitHub limits a release to 125,000 characters\.$/,
      ),
    ]);
    // The file keeps every entry.
    const changelog = readFileSync(join(inputs.workspace, 'CHANGELOG.md'), 'utf8');
    expect(changelog.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(3000);
  });
});

describe('updateChangelog with the repository known', () => {
  it('links entries and the new version in CHANGELOG.md, but not in the release notes', async () => {
    const releases = fakeReleases();
    const inputs = anInputs({
      changelogPath: 'CHANGELOG.md',
      repositoryUrl: 'https://github.com/acme/widgets',
    });
    await updateChangelog(inputs, config, { titles: undefined, releases: releases.port });
    const changelog = readFileSync(join(inputs.workspace, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain(
      '\n## [1.1.0](https://github.com/acme/widgets/compare/v1.0.0...v1.1.0) - 2023-11-14\n',
    );
    expect(changelog).toContain(
      '- Add pagination to list endpoints ([#101](https://github.com/acme/widgets/pull/101)) <!-- sluice:pr-101 -->\n',
    );
    expect(releases.bodies.get('v1.1.0')).toContain('- Add pagination to list endpoints (#101)\n');
  });
});

describe('updateChangelog over a range that holds nothing', () => {
  it('fails, writing nothing, when `from` is a branch already at `to`', async () => {
    const releases = fakeReleases();
    const inputs = anInputs({ from: 'main', changelogPath: 'CHANGELOG.md' });
    const ports = { titles: undefined, releases: releases.port };
    const failure = updateChangelog(inputs, config, ports);
    await expect(failure).rejects.toThrow(EmptyRangeError);
    await expect(failure).rejects.toThrow(
      'The range main..HEAD holds no commits: HEAD is main or one of its ancestors, so there is nothing to list and nothing was written.',
    );
    expect(existsSync(join(inputs.workspace, 'CHANGELOG.md'))).toBe(false);
    expect(releases.calls).toEqual([]);
  });
});
