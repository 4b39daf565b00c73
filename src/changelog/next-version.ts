import inc from 'semver/functions/inc.js';
import parse from 'semver/functions/parse.js';
import type { VersionBump } from './types.js';

/** The release-please default for a first release (its base strategy's initial version). */
export const INITIAL_VERSION = '1.0.0';

/**
 * The version the next release gets, or why there is none:
 * - `next`: the previous version with the bump applied (`bump` is what was applied, which
 *   below 1.0.0 may be less than suggested), or `initial` for a first release;
 * - `unchanged`: nothing listed, so nothing to release;
 * - `unknown`: the previous tag is not a version, so there is nothing to count from.
 */
export type NextVersion =
  | { kind: 'next'; version: string; bump: 'major' | 'minor' | 'patch' | 'initial' }
  | { kind: 'unchanged'; reason: string }
  | { kind: 'unknown'; reason: string };

/**
 * Applies the suggested bump to the previous tag with semver's `inc`, keeping its `v`.
 * Below 1.0.0 a breaking change bumps the minor (release-please's `bump-minor-pre-major`);
 * a feature still bumps the minor there (`bump-patch-for-minor-pre-major` is not applied).
 * A pre-release tag is finished rather than passed: `2.0.0-rc.1` plus any bump is `2.0.0`
 * (semver's `inc`). Build metadata is dropped. Without a previous tag, a first release is
 * `1.0.0`.
 */
export function nextVersion(previousTag: string | undefined, bump: VersionBump): NextVersion {
  if (bump === 'none') {
    const since = previousTag === undefined ? 'in the range' : `since ${previousTag}`;
    return { kind: 'unchanged', reason: `nothing listed ${since}, so no release to version` };
  }
  if (previousTag === undefined) return { kind: 'next', version: INITIAL_VERSION, bump: 'initial' };
  const prefix = previousTag.startsWith('v') ? 'v' : '';
  const bare = previousTag.slice(prefix.length);
  // semver's parse also takes `=1.2.3` and surrounding blanks: a tag must be the version itself.
  const previous = /^\d/.test(bare) ? parse(bare) : null;
  if (previous === null) {
    return {
      kind: 'unknown',
      reason: `${previousTag}, where the range starts, is not a semver version (such as 1.2.3 or v1.2.3), so there is no version to count from; the suggested bump is ${bump}`,
    };
  }
  const applied = bump === 'major' && previous.major === 0 ? 'minor' : bump;
  // `inc` returns null only for an invalid version or release type; both are checked above.
  const version = inc(previous, applied) ?? previous.version;
  return { kind: 'next', version: `${prefix}${version}`, bump: applied };
}
