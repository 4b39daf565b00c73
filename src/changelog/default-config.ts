import type { ChangelogConfig } from './types.js';

/**
 * What an absent `.github/sluice.yml` means, kept equal to `changelogConfigFrom(defaultConfig)`
 * by a test: the CLI uses this copy so it can start without loading zod.
 */
export const DEFAULT_CHANGELOG_CONFIG: ChangelogConfig = {
  types: {
    feat: 'Features',
    feature: 'Features',
    story: 'Features',
    fix: 'Fixes',
    bug: 'Fixes',
    bugfix: 'Fixes',
    hotfix: 'Fixes',
    perf: 'Performance',
    refactor: 'Refactors',
    docs: 'Documentation',
    doc: 'Documentation',
    revert: 'Reverts',
  },
  hidden: ['spike', 'epic', 'chore', 'ci', 'test', 'build', 'style'],
  sections: [
    'Breaking changes',
    'Features',
    'Fixes',
    'Performance',
    'Refactors',
    'Documentation',
    'Reverts',
    'Other',
  ],
  breakingSection: 'Breaking changes',
  breakingSectionShared: false,
  otherSection: 'Other',
  ignore: [
    String.raw`^chore\(release\)`,
    String.raw`^v?\d+\.\d+\.\d+\S*$`,
    String.raw`^(build|chore)(\([^)]*\))?: regenerate\b`,
  ],
  template: undefined,
};
