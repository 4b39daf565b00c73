import { toEntryRecord } from './entry-record.js';
import { describeWarning, renderReleaseHeading } from './messages.js';
import { nextVersion } from './next-version.js';
import { renderReleaseNotes } from './render-release-notes.js';
import type { ChangelogConfig, ChangelogResult, ReleaseTarget } from './types.js';

export interface ChangelogOutputInput {
  format: 'md' | 'json';
  range: { from: string | undefined; to: string; target: ReleaseTarget };
  result: ChangelogResult;
  config: ChangelogConfig;
}

/**
 * What `sluice changelog` prints: the release in Markdown with its heading, or everything
 * (every entry, listed or not, every warning, and the next version counted from `from`) as
 * JSON for scripts.
 */
export function renderChangelogOutput(input: ChangelogOutputInput): string {
  const { range, result, config } = input;
  if (input.format === 'md') {
    return `${renderReleaseHeading(range.target)}\n\n${renderReleaseNotes(result.entries, config)}`;
  }
  const output = {
    from: range.from ?? null,
    to: range.to,
    target: range.target,
    bump: result.bump,
    next: nextVersion(range.from, result.bump),
    entries: result.entries.map(toEntryRecord),
    warnings: result.warnings.map((w) => ({ ...w, message: describeWarning(w) })),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
