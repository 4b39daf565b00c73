import { createCommit } from './create-commit.js';
import { createTree } from './create-tree.js';
import { ObjectNotFoundError } from './errors.js';
import { createRef, updateRef } from './ref-updates.js';
import type { RefWriteContext } from './ref-updates.js';
import { readCommit } from './read-commit.js';
import { resolveRef } from './revisions.js';
import type { Identity, TreeEntryInput } from './types.js';

export type CommitFilesInput = (
  | {
      /** Commit on top of this branch's tip and move it (created when it does not exist yet). */
      branch: string;
      parent?: never;
    }
  | {
      /** Commit on top of this commit, touching no ref; null makes a root commit. */
      parent: string | null;
      branch?: never;
    }
) & {
  /** Path -> new content; null deletes the path (or the whole directory). */
  files: Record<string, string | null>;
  message: string;
  author: Identity;
  committer?: Identity;
  date: Date;
};

export type CommitFilesResult = { sha: string; tree: string; parent: string | undefined };

/**
 * The control plane's "a developer pushed this": one commit changing some files. The caller
 * holds the repository lock, so the branch tip read here is the one the write checks against.
 */
export async function commitFiles(
  ctx: RefWriteContext & { gitDir: string },
  input: CommitFilesInput,
): Promise<CommitFilesResult> {
  const ref = input.branch === undefined ? undefined : `refs/heads/${input.branch}`;
  const parent = ref === undefined ? (input.parent ?? undefined) : await resolveRef(ctx.git, ref);
  const base = parent === undefined ? undefined : await readCommit(ctx.git, parent);
  if (parent !== undefined && base === undefined) throw new ObjectNotFoundError(parent);
  const entries: TreeEntryInput[] = Object.entries(input.files).map(([path, content]) =>
    content === null ? { path, mode: '100644', sha: null } : { path, mode: '100644', content },
  );
  const tree = await createTree(ctx.git, ctx.gitDir, { baseTree: base?.tree, entries });
  const sha = await createCommit(ctx.git, {
    tree,
    parents: parent === undefined ? [] : [parent],
    message: input.message,
    author: { ...input.author, date: input.date },
    committer: { ...(input.committer ?? input.author), date: input.date },
  });
  if (ref !== undefined) {
    if (parent === undefined) await createRef(ctx, ref, sha);
    else await updateRef(ctx, ref, sha, { expectedOld: parent });
  }
  return { sha, tree, parent };
}
