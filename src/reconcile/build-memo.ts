import { createHash } from 'node:crypto';

/**
 * What building stagings taught about one repository, so the next staging of the same PRs on
 * the same commit costs pushes, not merges. Bisection and rebuilds restage the PRs a failed
 * batch held, in the same order on the same commits: the left half of a batch is a prefix of
 * it, and a probe that passed is followed by the same PRs in the chain. Merges are pure (the
 * same heads merged onto the same commit give the same tree) and so are commits (the same
 * tree, parent and message are the same commit), so what was learnt never goes stale; it is
 * only forgotten to bound memory, and a restart forgets it all (it is a saving, not a record).
 */
export class BuildMemo {
  /** `start|h1,h2,…` → the tree of merging those heads, in order, onto `start`. */
  readonly #trees = new Map<string, string>();
  /** `parent|tree|message hash` → the commit Sluice made of exactly that. */
  readonly #commits = new Map<string, string>();
  /**
   * Commits pushed as a staging's tip. CI ran on them, and its results (a cancelled run, say)
   * stay on the commit: a new staging's tip is never one of them, or it would inherit them.
   */
  readonly #tips = new Map<string, string>();

  constructor(private readonly limit = 512) {}

  /** The tree of merging `heads` onto `start` in order, when a staging merged exactly that. */
  mergedTree(start: string, heads: readonly string[]): string | undefined {
    return this.#trees.get(treeKey(start, heads));
  }
  rememberMergedTree(start: string, heads: readonly string[], tree: string): void {
    remember(this.#trees, treeKey(start, heads), tree, this.limit);
  }

  /** A commit Sluice already made with this tree, parent and message; for a tip, one CI never saw. */
  commit(input: CommitInput, use: 'tip' | 'below'): string | undefined {
    const sha = this.#commits.get(commitKey(input));
    return use === 'tip' && sha !== undefined && this.#tips.has(sha) ? undefined : sha;
  }
  rememberCommit(input: CommitInput, sha: string): void {
    remember(this.#commits, commitKey(input), sha, this.limit);
  }
  rememberTip(sha: string): void {
    remember(this.#tips, sha, sha, this.limit);
  }
}

export interface CommitInput {
  tree: string;
  parent: string;
  message: string;
}

function treeKey(start: string, heads: readonly string[]): string {
  return `${start}|${heads.join(',')}`;
}

function commitKey({ tree, parent, message }: CommitInput): string {
  const digest = createHash('sha256').update(message).digest('hex');
  return `${parent}|${tree}|${digest}`;
}

/** Insertion order is age: the oldest entry goes first. */
function remember(map: Map<string, string>, key: string, value: string, limit: number): void {
  map.delete(key);
  if (map.size >= limit) map.delete(map.keys().next().value!);
  map.set(key, value);
}
