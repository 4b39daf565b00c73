import { describe, expect, it } from '@jest/globals';
import { describeNextVersion, nextVersion } from '../../../src/changelog/index.js';

describe('nextVersion', () => {
  it.each([
    ['patch', '1.2.4'],
    ['minor', '1.3.0'],
    ['major', '2.0.0'],
  ] as const)('applies a %s bump to 1.2.3', (bump, version) => {
    expect(nextVersion('1.2.3', bump)).toEqual({ kind: 'next', version, bump });
  });

  it('keeps the leading v of the previous tag', () => {
    expect(nextVersion('v1.2.3', 'minor')).toEqual({
      kind: 'next',
      version: 'v1.3.0',
      bump: 'minor',
    });
  });

  it('bumps the minor, not the major, for a breaking change below 1.0.0 (bump-minor-pre-major)', () => {
    expect(nextVersion('v0.4.2', 'major')).toEqual({
      kind: 'next',
      version: 'v0.5.0',
      bump: 'minor',
    });
    expect(nextVersion('0.0.3', 'major')).toEqual({
      kind: 'next',
      version: '0.1.0',
      bump: 'minor',
    });
  });

  it('still bumps the minor for a feature below 1.0.0 (no bump-patch-for-minor-pre-major)', () => {
    expect(nextVersion('0.4.2', 'minor')).toEqual({
      kind: 'next',
      version: '0.5.0',
      bump: 'minor',
    });
    expect(nextVersion('0.4.2', 'patch')).toEqual({
      kind: 'next',
      version: '0.4.3',
      bump: 'patch',
    });
  });

  it('bumps the major from 1.0.0 on', () => {
    expect(nextVersion('1.0.0', 'major')).toEqual({
      kind: 'next',
      version: '2.0.0',
      bump: 'major',
    });
  });

  it("finishes a pre-release rather than skipping past it, as semver's inc does", () => {
    expect(nextVersion('v2.0.0-rc.1', 'patch')).toMatchObject({ version: 'v2.0.0' });
    expect(nextVersion('v2.0.0-rc.1', 'minor')).toMatchObject({ version: 'v2.0.0' });
    expect(nextVersion('v2.0.0-rc.1', 'major')).toMatchObject({ version: 'v2.0.0' });
    // A pre-release of a minor is finished by a minor, passed by a major.
    expect(nextVersion('2.1.0-beta.3', 'minor')).toMatchObject({ version: '2.1.0' });
    expect(nextVersion('2.1.0-beta.3', 'major')).toMatchObject({ version: '3.0.0' });
  });

  it('drops build metadata', () => {
    expect(nextVersion('1.2.3+build.7', 'patch')).toMatchObject({ version: '1.2.4' });
  });

  it("makes a first release 1.0.0 when there is no previous tag (release-please's default)", () => {
    expect(nextVersion(undefined, 'patch')).toEqual({
      kind: 'next',
      version: '1.0.0',
      bump: 'initial',
    });
    expect(nextVersion(undefined, 'major')).toMatchObject({ version: '1.0.0' });
  });

  it('gives no next version when nothing is listed, saying so', () => {
    expect(nextVersion('v1.2.3', 'none')).toEqual({
      kind: 'unchanged',
      reason: 'nothing listed since v1.2.3, so no release to version',
    });
    expect(nextVersion(undefined, 'none')).toMatchObject({ kind: 'unchanged' });
  });

  it.each(['release-2024', 'abc1234', 'v1.2', '=1.2.3', ' 1.2.3', 'vv1.2.3', 'V1.2.3', '01.2.3'])(
    'gives no next version from %j, which is not a version, with the reason',
    (tag) => {
      const next = nextVersion(tag, 'minor');
      expect(next).toEqual({ kind: 'unknown', reason: expect.stringContaining(tag) });
      expect(next).toMatchObject({ reason: expect.stringMatching(/not a semver version/) });
    },
  );
});

describe('describeNextVersion', () => {
  it('says the version, or why there is none, in one sentence', () => {
    expect(describeNextVersion(nextVersion('v1.2.3', 'minor'))).toBe('Next version: **v1.3.0**.');
    expect(describeNextVersion(nextVersion(undefined, 'minor'))).toBe(
      'Next version: **1.0.0** (first release).',
    );
    expect(describeNextVersion(nextVersion('nightly', 'patch'))).toBe(
      'No next version: nightly, where the range starts, is not a semver version (such as 1.2.3 or v1.2.3), so there is no version to count from; the suggested bump is patch.',
    );
  });
});
