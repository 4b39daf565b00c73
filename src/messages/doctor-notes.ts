import type { Note, Unchecked } from '../doctor/types.js';
import { formatTime, plural } from './doctor-format.js';

/** What `sluice doctor` says that is not wrong: what it could not look at, and why. */
export function describeNote(note: Note): string {
  switch (note.kind) {
    case 'journal-in-progress':
      return `${plural(note.count, 'journal row')} opened in the last 10 minutes: in progress, not judged.`;
    case 'label-checks-skipped':
      return 'Labels and staging branches not checked: they need a valid config.';
    case 'queue-held':
      return `The ${note.base} queue is being reconciled by ${note.holder} (until ${formatTime(note.until)}), so nothing was fixed here.`;
    case 'landing-two-step':
      return 'This GitHub has no updateRefs mutation (GHES before 3.16): PRs land in two steps (head, then base) that repair themselves after a crash; a push to a PR during those two requests can be overwritten. Upgrade to GHES 3.16 or later for atomic landing.';
    case 'notices-undelivered':
      return `${plural(note.count, 'outcome')} decided but not yet told on GitHub (comments, labels, check runs); the app delivers them on its next pass.`;
  }
}

export function describeUnchecked(why: Unchecked): string {
  switch (why.kind) {
    case 'no-credentials':
      return 'APP_ID and PRIVATE_KEY (or PRIVATE_KEY_PATH) are not set, so only what the store shows is reported.';
    case 'not-installed':
      return 'the app is not installed on this repository.';
    case 'unreadable':
      return `reading it failed (${why.message}).`;
  }
}
