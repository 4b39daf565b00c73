import { AsyncMutex } from './async-mutex.js';
import { commitFiles } from './commit-files.js';
import type { CommitFilesInput, CommitFilesResult } from './commit-files.js';
import { compareCommits } from './compare-commits.js';
import { createCommit } from './create-commit.js';
import type { CreateCommitInput } from './create-commit.js';
import { createTree } from './create-tree.js';
import type { CreateTreeInput } from './create-tree.js';
import { listCommits, listCommitShas } from './list-commits.js';
import type { ListCommitsInput } from './list-commits.js';
import { listRefs } from './list-refs.js';
import { mergeTrees } from './merge-trees.js';
import type { MergeTreesOptions } from './merge-trees.js';
import { readCommit, readFileAt } from './read-commit.js';
import { readTree } from './read-tree.js';
import { createRef, deleteRef, updateRef } from './ref-updates.js';
import type { RefWriteContext, RefWriteOptions, UpdateRefOptions } from './ref-updates.js';
import { updateRefsAtomically } from './update-refs-atomically.js';
import { isAncestor, mergeBase, resolveCommit, resolveRef } from './revisions.js';
import { createGitRunner } from './run-git.js';
import type { GitRunner } from './run-git.js';
import type { PendingRefWrite, RefWriteHook } from './types.js';

/**
 * One bare repository, `<dataDir>/<owner>/<name>.git`. Writes take the repository lock;
 * reads do not (git's object store and ref updates are safe to read concurrently).
 */
export class GitRepo {
  readonly git: GitRunner;
  readonly #lock = new AsyncMutex();
  readonly #hooks = new Set<RefWriteHook>();
  #inHook = false;

  constructor(
    readonly owner: string,
    readonly name: string,
    readonly gitDir: string,
    homeDir: string,
  ) {
    this.git = createGitRunner(gitDir, homeDir);
  }

  get fullName(): string {
    return `${this.owner}/${this.name}`;
  }

  /** Makes a compound operation atomic with respect to every other write to this repo. */
  withLock<T>(fn: () => Promise<T>): Promise<T> {
    return this.#lock.run(fn);
  }

  /** Fault injection: runs before every ref write until removed; returns the remover. */
  onBeforeRefWrite(hook: RefWriteHook): () => void {
    this.#hooks.add(hook);
    return () => this.#hooks.delete(hook);
  }

  writeBlob = (content: Buffer | string) =>
    this.withLock(async () => {
      const { stdout } = await this.git(['hash-object', '-w', '--stdin'], { input: content });
      return stdout.toString('utf8').trim();
    });

  /** The branch HEAD names: what `git clone` checks out and GitHub calls default_branch. */
  defaultBranch = async () => {
    const { stdout } = await this.git(['symbolic-ref', '--short', 'HEAD']);
    return stdout.toString('utf8').trim();
  };
  setDefaultBranch = (branch: string) =>
    this.withLock(
      async () => void (await this.git(['symbolic-ref', 'HEAD', `refs/heads/${branch}`])),
    );

  createTree = (input: CreateTreeInput) =>
    this.withLock(() => createTree(this.git, this.gitDir, input));
  readTree = (treeish: string, options?: { recursive?: boolean }) =>
    readTree(this.git, treeish, options);
  createCommit = (input: CreateCommitInput) => this.withLock(() => createCommit(this.git, input));
  readCommit = (rev: string) => readCommit(this.git, rev);
  readFile = (rev: string, path: string) => readFileAt(this.git, rev, path);
  treeOf = async (rev: string) => (await readCommit(this.git, rev))?.tree;

  resolveRef = (ref: string) => resolveRef(this.git, ref);
  resolveCommit = (rev: string) => resolveCommit(this.git, rev);
  listRefs = (prefix?: string) => listRefs(this.git, prefix);
  createRef = (ref: string, sha: string) =>
    this.withLock(() => createRef(this.#refContext(), ref, sha));
  updateRef = (ref: string, sha: string, options: UpdateRefOptions = {}) =>
    this.withLock(() => updateRef(this.#refContext(options.beforeRefWrite), ref, sha, options));
  deleteRef = (ref: string, options: RefWriteOptions = {}) =>
    this.withLock(() => deleteRef(this.#refContext(options.beforeRefWrite), ref, options));
  /** All or nothing: each write's `old` is checked (undefined: must not exist) before any is made. */
  updateRefs = (writes: readonly PendingRefWrite[]) =>
    this.withLock(() => updateRefsAtomically(this.#refContext(), writes));
  commitFiles = (input: CommitFilesInput): Promise<CommitFilesResult> =>
    this.withLock(() => commitFiles({ ...this.#refContext(), gitDir: this.gitDir }, input));

  isAncestor = (ancestor: string, of: string) => isAncestor(this.git, ancestor, of);
  mergeBase = (a: string, b: string) => mergeBase(this.git, a, b);
  mergeTrees = (base: string, head: string, options?: MergeTreesOptions) =>
    mergeTrees(this.git, base, head, options);
  compare = (base: string, head: string) => compareCommits(this.git, base, head);
  listCommits = (input: ListCommitsInput) => listCommits(this.git, input);
  listCommitShas = (input: ListCommitsInput) => listCommitShas(this.git, input);

  #refContext(perCall?: RefWriteHook): RefWriteContext {
    return { git: this.git, hook: (write) => this.#runHooks(write, perCall) };
  }

  /** Hooks may write refs themselves (that is how they lose a race) without re-triggering. */
  async #runHooks(write: PendingRefWrite, perCall?: RefWriteHook): Promise<void> {
    if (this.#inHook) return;
    this.#inHook = true;
    try {
      for (const hook of [...this.#hooks]) await hook(write);
      await perCall?.(write);
    } finally {
      this.#inHook = false;
    }
  }
}
