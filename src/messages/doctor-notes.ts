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
