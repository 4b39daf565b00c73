export type Identity = { name: string; email: string };

/** An identity at a moment; dates come from the stand-in's virtual clock, never `new Date()`. */
export type Signature = Identity & { date: Date };

export type CommitInfo = {
  sha: string;
  tree: string;
  parents: string[];
  author: Signature;
  committer: Signature;
  message: string;
};

export type TreeMode = '100644' | '100755' | '040000' | '160000' | '120000';
export type ObjectType = 'blob' | 'tree' | 'commit';

export type TreeEntry = {
  path: string;
  mode: string;
  type: ObjectType;
  sha: string;
  /** Blob size in bytes; absent for trees and submodules. */
  size?: number;
};

/**
 * One entry of `POST git/trees`: an existing object, inline content, or a deletion
 * (`sha: null`, which also removes everything below a directory path).
 */
export type TreeEntryInput =
  | { path: string; mode: TreeMode; sha: string | null }
  | { path: string; mode: TreeMode; content: string | Buffer };

export type Ref = { ref: string; sha: string; type: ObjectType | 'tag' };

export type PendingRefWrite = { ref: string; old: string | undefined; next: string | undefined };

/** Runs between the read of a ref and the compare-and-swap write: the place to lose a race. */
export type RefWriteHook = (write: PendingRefWrite) => void | Promise<void>;

export type MergeMessage = { paths: string[]; type: string; message: string };

export type MergeResult =
  | { kind: 'clean'; tree: string; messages: MergeMessage[] }
  | { kind: 'conflict'; tree: string; paths: string[]; messages: MergeMessage[] }
  | { kind: 'unrelated' };

export type FileStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed';

export type ChangedFile = {
  filename: string;
  previousFilename?: string;
  status: FileStatus;
  /** Blob in the head version, or the removed blob for `removed`. */
  sha: string;
  additions: number;
  deletions: number;
  changes: number;
  /** Hunks only (from the first `@@`), as GitHub shows them; absent for binary or pure renames. */
  patch?: string;
};

export type ComparisonStatus = 'identical' | 'ahead' | 'behind' | 'diverged';

export type Comparison = {
  status: ComparisonStatus;
  aheadBy: number;
  behindBy: number;
  totalCommits: number;
  baseSha: string;
  headSha: string;
  mergeBase: string;
  /** base..head, oldest first, at most 250 (GitHub's cap). */
  commits: CommitInfo[];
  /** merge-base..head, at most 300 (GitHub's cap). */
  files: ChangedFile[];
};
