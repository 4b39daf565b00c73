import type { ParsedSubject } from '../merge-subject/index.js';

export interface RevertableCommit {
  sha: string;
  parsed: ParsedSubject;
}

/**
 * Which commits cancel out within the range: a revert and the change it reverts both
 * vanish; a revert of that revert brings the change back. Commits are oldest first.
 * Returns sha -> sha of the partner it cancelled with.
 */
export function cancelReverts(commits: readonly RevertableCommit[]): Map<string, string> {
  const cancelledWith = new Map<string, string>();
  const find = indexTargets(commits);
  commits.forEach((commit, index) => {
    const revert = commit.parsed.revert;
    const target = revert ? find(revert, index) : undefined;
    if (!target) return;
    const partner = cancelledWith.get(target.sha);
    if (partner === undefined) {
      cancelledWith.set(target.sha, commit.sha);
      cancelledWith.set(commit.sha, target.sha);
      return;
    }
    // The target is a revert that already cancelled `partner`: reverting it restores it.
    if (target.parsed.revert && cancelledWith.get(partner) === target.sha) {
      cancelledWith.delete(partner);
      cancelledWith.set(target.sha, commit.sha);
      cancelledWith.set(commit.sha, target.sha);
    }
  });
  return cancelledWith;
}

type Revert = NonNullable<ParsedSubject['revert']>;

/**
 * Finds the newest earlier commit a revert names: by hash, then PR, then subject. PRs and
 * subjects are indexed once, so a range with many reverts stays linear.
 */
function indexTargets(commits: readonly RevertableCommit[]) {
  const byPr = new Map<number, number[]>();
  let bySubject: Map<string, number[]> | undefined;
  commits.forEach((commit, index) => {
    if (commit.parsed.pr !== undefined) append(byPr, commit.parsed.pr, index);
  });
  // Built only when a revert names nothing but a subject: most ranges never need it.
  const subjects = (): Map<string, number[]> => {
    if (bySubject) return bySubject;
    bySubject = new Map();
    for (const [index, commit] of commits.entries()) {
      append(bySubject, withoutSuffix(commit.parsed.subject), index);
    }
    return bySubject;
  };
  return (revert: Revert, before: number): RevertableCommit | undefined => {
    const { sha, pr, subject } = revert;
    let found: number | undefined;
    for (let i = before - 1; sha !== undefined && found === undefined && i >= 0; i--) {
      if (commits[i]?.sha.startsWith(sha)) found = i;
    }
    found ??= pr === undefined ? undefined : newestBefore(byPr.get(pr), before);
    found ??=
      subject === undefined
        ? undefined
        : newestBefore(subjects().get(withoutSuffix(subject)), before);
    return found === undefined ? undefined : commits[found];
  };
}

function append<K>(map: Map<K, number[]>, key: K, index: number): void {
  const indexes = map.get(key);
  if (indexes) indexes.push(index);
  else map.set(key, [index]);
}

function newestBefore(indexes: number[] | undefined, before: number): number | undefined {
  return indexes?.filter((index) => index < before).pop();
}

/**
 * `revert: fix: x (#9)` quotes the subject without its `(#N)`, and the `(#9)` is the
 * revert's own pull request: compare subjects without the suffixes.
 */
function withoutSuffix(subject: string): string {
  let text = subject.trimEnd();
  while (text.endsWith(')')) {
    const open = text.lastIndexOf(' (#');
    if (open === -1 || !/^\d+$/.test(text.slice(open + 3, -1))) break;
    text = text.slice(0, open).trimEnd();
  }
  return text;
}
