import { describe, expect, it } from '@jest/globals';
import { matchesBranchFilters } from '../../ci/branch-glob.js';
import { worstConclusion } from '../../ci/conclusions.js';

describe("GitHub's branch filters", () => {
  it.each([
    [['sluice/staging/**'], 'sluice/staging/main', true],
    [['sluice/staging/**'], 'sluice/staging/release/1.x', true],
    [['sluice/staging/*'], 'sluice/staging/release/1.x', false],
    [['sluice/staging/*'], 'sluice/staging/main', true],
    [['main'], 'main', true],
    [['main'], 'main2', false],
    [['release-?'], 'release-1', true],
    [['**', '!docs/**'], 'docs/readme', false],
    [['**', '!docs/**', 'docs/keep'], 'docs/keep', true],
    [['feature.x'], 'featureAx', false],
  ])('%j matches %s: %s', (patterns, branch, expected) => {
    expect(matchesBranchFilters(branch, patterns)).toBe(expected);
  });
});

describe('the summary conclusion of a suite or run', () => {
  it.each([
    [['success', 'failure', 'neutral'], 'failure'],
    [['failure', 'timed_out'], 'timed_out'],
    [['timed_out', 'cancelled'], 'cancelled'],
    [['cancelled', 'action_required'], 'action_required'],
    [['success', 'skipped'], 'success'],
    [['skipped', 'skipped'], 'skipped'],
    [['neutral', 'success'], 'neutral'],
    [[], 'success'],
  ] as const)('of %j is %s', (conclusions, expected) => {
    expect(worstConclusion([...conclusions])).toBe(expected);
  });
});
