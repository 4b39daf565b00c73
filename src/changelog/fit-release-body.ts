import { cutReleaseNotes } from './cut-release-notes.js';
import { mergeReleaseNotes } from './merge-release-notes.js';
import { describeOmittedEntries, describeReleaseLimit } from './limit-messages.js';

/** GitHub refuses a longer release body ("body is too long (maximum is 125000 characters)"). */
export const RELEASE_BODY_LIMIT = 125_000;

export interface FitReleaseInput {
  /** The release's current body; `''` for a new release. */
  existing: string;
  notes: string;
  /** Where the whole list is, for the closing line of a cut. */
  changelogPath?: string | undefined;
  compareUrl?: string | undefined;
  limit?: number;
}

export type FittedRelease =
  | { ok: true; body: string; kept: number; omitted: number }
  /** The maintainer's text alone leaves no room: `length` is the body without a single entry. */
  | { ok: false; length: number };

/**
 * The release body with the notes in place, cut after a whole entry when it would pass
 * GitHub's limit and closed by a line saying how many entries are missing and where they
 * are. The maintainer's text around the markers is never cut. Lengths are UTF-16 code units,
 * never fewer than the characters GitHub counts.
 */
export function fitReleaseBody(input: FitReleaseInput): FittedRelease {
  const limit = input.limit ?? RELEASE_BODY_LIMIT;
  const whole = mergeReleaseNotes(input.existing, input.notes);
  if (whole.length <= limit)
    return { ok: true, body: whole, kept: countEntries(input.notes), omitted: 0 };
  const closing = (omitted: number) =>
    describeOmittedEntries({
      omitted,
      limit: describeReleaseLimit(limit),
      changelogPath: input.changelogPath,
      compareUrl: input.compareUrl,
    });
  const frame = mergeReleaseNotes(input.existing, '').length;
  const cut = cutReleaseNotes(input.notes, {
    budget: limit - frame,
    size: (text) => text.length,
    closing,
  });
  const body = mergeReleaseNotes(input.existing, cut.text);
  if (body.length > limit) return { ok: false, length: body.length };
  return { ok: true, body, kept: cut.kept, omitted: cut.omitted };
}

function countEntries(notes: string): number {
  return notes.split('\n').filter((line) => line.startsWith('- ')).length;
}
