import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionInputs } from '../../../action/src/inputs.js';
import { updateChangelog } from '../../../action/src/update-changelog.js';
import type { ReleasePort } from '../../../src/changelog/index.js';
import { DEFAULT_CHANGELOG_CONFIG } from '../../../src/changelog/index.js';
import { buildRepository, removeTempDirs } from '../changelog/support/build-repository.js';
import { parseHistoryFixture } from '../changelog/support/history-fixture.js';
import { fixtures } from '../changelog/support/run-history.js';

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
