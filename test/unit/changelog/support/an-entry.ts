import type { ChangelogEntry } from '../../../../src/changelog/index.js';
import { parseMergeSubject } from '../../../../src/merge-subject/index.js';

/** A listed entry for PR `pr` in `section`, with the name and anchor the core would give it. */
export function anEntry(pr: number, name: string, section = 'Features'): ChangelogEntry {
  return {
    sha: `${pr}`.padStart(40, '0'),
    parsed: parseMergeSubject(`${name} (#${pr})`),
    status: { kind: 'listed', section },
    name,
    ref: `#${pr}`,
    anchor: `pr-${pr}`,
  };
}
