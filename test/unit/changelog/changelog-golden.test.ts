import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import {
  describeWarning,
  renderReleaseHeading,
  renderReleaseNotes,
} from '../../../src/changelog/index.js';
import type { HistoryRun } from './support/run-history.js';
import { fixtures, runHistory } from './support/run-history.js';
import { removeTempDirs } from './support/build-repository.js';

afterAll(removeTempDirs);

/**
 * Everything a maintainer would check: the notes, every commit that is not listed and
 * why, and every warning. Set UPDATE_GOLDEN=1 to rewrite the expected files, then review
 * the diff.
 */
function renderGolden({ range, result, config }: HistoryRun): string {
  const unlisted = result.entries.flatMap((entry) => {
    const { status } = entry;
    const why =
      status.kind === 'listed'
        ? undefined
        : status.kind === 'hidden'
          ? `hidden (type ${status.type})`
          : status.kind === 'ignored'
            ? `ignored (${status.pattern})`
            : `cancelled (with ${status.by.slice(0, 7)})`;
    return why === undefined ? [] : [`- ${entry.sha.slice(0, 7)} ${why}: ${entry.parsed.subject}`];
  });
  return [
    `<!-- range: ${range.from ?? '(root)'}..${range.to}, suggested bump: ${result.bump} -->`,
    renderReleaseHeading(range.target),
    '',
    renderReleaseNotes(result.entries, config).trimEnd(),
    '',
    '## Not listed',
    '',
    ...(unlisted.length > 0 ? unlisted : ['(none)']),
    '',
    '## Warnings',
    '',
    ...(result.warnings.length > 0
      ? result.warnings.map((w) => `- ${describeWarning(w)}`)
      : ['(none)']),
    '',
  ].join('\n');
}

const histories = [
  'conventional',
  'reverts',
  'bot-merges',
  'legacy-slugs',
  'merge-commits',
  'housekeeping',
  'mixed',
];

describe('changelog of real-looking histories', () => {
  it.each(histories)('renders the %s history as its golden file says', async (name) => {
    const run = await runHistory(name);
    const path = new URL(`${name}.expected.md`, fixtures);
    const actual = renderGolden(run);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
    expect(actual).toBe(readFileSync(path, 'utf8'));
  });

  it.each(histories)('accounts for every commit of the %s history', async (name) => {
    const { result, commitCount } = await runHistory(name);
    expect(result.entries).toHaveLength(commitCount);
    const other = result.entries.filter(
      (e) => e.status.kind === 'listed' && e.status.section === 'Other',
    );
    const warned = new Set(result.warnings.flatMap((w) => ('sha' in w ? [w.sha] : [])));
    for (const entry of other) expect(warned.has(entry.sha)).toBe(true);
  });
});
