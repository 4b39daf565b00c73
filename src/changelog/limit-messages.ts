/**
 * What the changelog says when GitHub's limits make it leave entries out: the closing line
 * of cut notes and the warnings. (Part of the changelog's messages, kept apart by concern.)
 */
import { formatCount } from './messages.js';

/** Where the rest of a cut release is: the file, and the comparison on GitHub. */
export interface OmittedEntries {
  omitted: number;
  /** GitHub's limit, as a phrase: `a release to 125,000 characters`. */
  limit: string;
  changelogPath?: string | undefined;
  compareUrl?: string | undefined;
}

/** The line closing release notes cut to fit. */
export function describeOmittedEntries(cut: OmittedEntries): string {
  const see = [
    // A code span: an underscore in the path would end the italics.
    ...(cut.changelogPath === undefined ? [] : [`\`${cut.changelogPath}\``]),
    ...(cut.compareUrl === undefined ? [] : [`[every change](${cut.compareUrl})`]),
  ];
  const where = see.length === 0 ? '' : ` See ${see.join(' or ')}.`;
  return `_… and ${formatCount(cut.omitted)} more entries not shown: GitHub limits ${cut.limit}.${where}_`;
}

/** GitHub's limit on a release's body, as the closing line says it. */
export function describeReleaseLimit(limit: number): string {
  return `a release to ${formatCount(limit)} characters`;
}

/** The warning (and summary line) for release notes cut to fit. */
export function describeReleaseCut(input: {
  tag: string;
  kept: number;
  omitted: number;
  limit: number;
}): string {
  const { kept, omitted } = input;
  return `The GitHub Release ${input.tag} lists the first ${formatCount(kept)} of ${formatCount(kept + omitted)} entries: GitHub limits ${describeReleaseLimit(input.limit)}.`;
}

/** Why the release cannot be written even without a single entry. */
export function describeReleaseTooLong(input: {
  tag: string;
  length: number;
  limit: number;
}): string {
  return `The GitHub Release ${input.tag} would have ${formatCount(input.length)} characters without a single entry, over GitHub's limit of ${formatCount(input.limit)}: shorten the text outside its sluice:release-notes markers.`;
}
