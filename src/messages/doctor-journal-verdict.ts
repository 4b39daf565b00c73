import type { JournalVerdict } from '../doctor/types.js';
import { shortSha } from './doctor-format.js';

/** What looking at GitHub says about an open journal row, completing the row's sentence. */
export function describeJournalVerdict(verdict: JournalVerdict): string {
  const observed = verdict.observed === null ? '' : ` (${shortSha(verdict.observed)})`;
  switch (verdict.lookup) {
    case 'ref-at-new-value':
      return `the ref is at the new value${observed}, so the write happened.`;
    case 'ref-at-old-value':
      return `the ref is still at the old value${observed}, so the write never happened.`;
    case 'ref-gone':
      return verdict.kind === 'done'
        ? 'the ref is gone, so the delete happened.'
        : 'the ref is gone now, so whether this write happened cannot be told.';
    case 'ref-moved-on':
      return `the ref has moved on${observed}, so whether this write happened cannot be told.`;
    case 'pr-merged':
      return 'the pull request is merged, so the merge happened.';
    case 'pr-not-merged':
      return 'the pull request is not merged, so the merge never happened.';
    case 'pr-missing':
      return 'GitHub has no such pull request.';
    case 'label-present':
      return verdict.kind === 'done'
        ? 'the label is on the pull request, so it was added.'
        : 'the label is on the pull request now, so whether the removal happened cannot be told.';
    case 'label-absent':
      return verdict.kind === 'done'
        ? 'the label is not on the pull request, so it was removed.'
        : 'the label is not on the pull request now, so whether it was added cannot be told.';
    case 'other-repository':
      return `it moved a branch of ${verdict.observed ?? 'another repository'}, which doctor does not read.`;
    case 'no-trace':
      return 'GitHub keeps nothing doctor could match it with.';
    case 'github-unchecked':
      return 'only GitHub can tell whether it happened.';
  }
}
