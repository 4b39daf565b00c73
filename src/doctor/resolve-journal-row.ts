import type { JournalRow } from '../store/types.js';
import type { GitHubView, PullFacts } from './observation.js';
import type { JournalTarget } from './parse-journal-target.js';
import type { JournalVerdict, MutationLookup } from './types.js';

type Looked = Pick<GitHubView, 'pulls' | 'branches'>;

const done = (lookup: MutationLookup, observed: string | null = null): JournalVerdict => ({
  kind: 'done',
  lookup,
  observed,
});
const failed = (lookup: MutationLookup, observed: string | null = null): JournalVerdict => ({
  kind: 'failed',
  lookup,
  observed,
});
const undetermined = (lookup: MutationLookup, observed: string | null = null): JournalVerdict => ({
  kind: 'undetermined',
  lookup,
  observed,
});

/**
 * Settles an open journal row by looking at GitHub, never by repeating the call: a ref now at
 * the row's new value was written, one still at its expected old value was not; a merge is
 * done exactly when the PR is merged (GitHub merges atomically). Anything that moved on since
 * cannot tell what this one call did, and stays open.
 */
export function resolveJournalRow(
  row: Pick<JournalRow, 'kind' | 'expectedOld' | 'newValue'>,
  target: JournalTarget,
  looked: Looked | undefined,
): JournalVerdict {
  if (looked === undefined) return undetermined('github-unchecked');
  switch (target.kind) {
    case 'branch':
      return judgeRef(row, looked.branches.get(target.branch));
    case 'pull':
      return judgeMerge(looked.pulls.get(target.number));
    case 'label':
      return judgeLabel(row.kind, target.label, looked.pulls.get(target.number));
    case 'other-repository':
      return undetermined('other-repository', target.repo);
    case 'untraceable':
      return undetermined('no-trace');
  }
}

function judgeRef(
  row: Pick<JournalRow, 'expectedOld' | 'newValue'>,
  current: string | null | undefined,
): JournalVerdict {
  if (current === undefined) return undetermined('github-unchecked');
  if (row.newValue !== null && current === row.newValue) return done('ref-at-new-value', current);
  if (row.newValue === null && current === null) return done('ref-gone');
  if (row.expectedOld !== null && current === row.expectedOld)
    return failed('ref-at-old-value', current);
  return current === null ? undetermined('ref-gone') : undetermined('ref-moved-on', current);
}

function judgeMerge(pull: PullFacts | null | undefined): JournalVerdict {
  if (pull === undefined) return undetermined('github-unchecked');
  if (pull === null) return undetermined('pr-missing');
  return pull.merged ? done('pr-merged') : failed('pr-not-merged', pull.headSha);
}

/** A label present after an add (or absent after a remove) is done; the opposite may be later news. */
function judgeLabel(
  kind: JournalRow['kind'],
  label: string,
  pull: PullFacts | null | undefined,
): JournalVerdict {
  if (pull === undefined) return undetermined('github-unchecked');
  if (pull === null) return undetermined('pr-missing');
  const present = pull.labels.some((l) => l.toLowerCase() === label.toLowerCase());
  const wanted = kind === 'add-label';
  if (present === wanted) return done(present ? 'label-present' : 'label-absent');
  return undetermined(present ? 'label-present' : 'label-absent');
}
