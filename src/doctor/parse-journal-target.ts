import type { JournalRow } from '../store/types.js';

/** What a journal row changed, in terms doctor can look up. */
export type JournalTarget =
  | { kind: 'branch'; branch: string }
  | { kind: 'pull'; number: number }
  | { kind: 'label'; label: string; number: number }
  /** A branch of another repository (a fork's head): doctor reads only this one. */
  | { kind: 'other-repository'; repo: string }
  /** Commits, merges into scratch branches, comments, check runs: nothing to match on. */
  | { kind: 'untraceable' };

const headsPrefix = 'refs/heads/';

/**
 * Targets are written by the orchestrator as `refs/heads/<branch>` (this repository),
 * `<owner>/<name>:refs/heads/<branch>` (a PR head, maybe in a fork), `pr#<n>` and
 * `label:<name>@pr#<n>` (records.ts, MutationIntent.target).
 */
export function parseJournalTarget(
  row: Pick<JournalRow, 'kind' | 'target'>,
  repo: string,
): JournalTarget {
  switch (row.kind) {
    case 'create-ref':
    case 'update-ref':
    case 'delete-ref':
      return parseRef(row.target, repo);
    case 'merge-pr':
      return parsePull(row.target);
    case 'add-label':
    case 'remove-label':
      return parseLabel(row.target);
    case 'create-commit':
    case 'merge-branch':
    case 'create-comment':
    case 'create-check-run':
    case 'update-check-run':
      return { kind: 'untraceable' };
  }
}

function parseRef(target: string, repo: string): JournalTarget {
  const colon = target.indexOf(':');
  const owner = colon === -1 ? repo : target.slice(0, colon);
  const ref = colon === -1 ? target : target.slice(colon + 1);
  if (owner.toLowerCase() !== repo.toLowerCase()) return { kind: 'other-repository', repo: owner };
  if (!ref.startsWith(headsPrefix) || ref.length === headsPrefix.length)
    return { kind: 'untraceable' };
  return { kind: 'branch', branch: ref.slice(headsPrefix.length) };
}

function parsePull(target: string): JournalTarget {
  const match = /^pr#(\d+)$/.exec(target);
  return match ? { kind: 'pull', number: Number(match[1]) } : { kind: 'untraceable' };
}

function parseLabel(target: string): JournalTarget {
  const match = /^label:(.+)@pr#(\d+)$/.exec(target);
  return match
    ? { kind: 'label', label: match[1]!, number: Number(match[2]) }
    : { kind: 'untraceable' };
}
